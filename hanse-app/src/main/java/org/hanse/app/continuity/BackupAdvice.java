package org.hanse.app.continuity;

import java.util.List;
import org.springframework.stereotype.Service;

/** What other modules may ask about backups: the best alternatives to a supplier for a buyer and material. */
@Service
public class BackupAdvice {

    private final BackupLists lists;

    BackupAdvice(BackupLists lists) {
        this.lists = lists;
    }

    /** Up to {@code limit} alternative suppliers, best first (pins and exclusions respected). */
    public List<String> alternatives(String buyer, String supplier, String material, int limit) {
        return lists.rank(buyer, supplier, material).stream().limit(limit).map(BackupLists.Candidate::node).toList();
    }
}
