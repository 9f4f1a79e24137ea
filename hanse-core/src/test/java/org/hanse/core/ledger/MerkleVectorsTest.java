package org.hanse.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The published vectors quoted in issue 20 (RFC 6962/9162 reference trees, transparency-dev hasher tests). */
class MerkleVectorsTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final List<byte[]> EIGHT = List.of("", "00", "10", "2021", "3031", "40414243", "5051525354555657",
            "606162636465666768696a6b6c6d6e6f").stream().map(HEX::parseHex).toList();

    @Test
    void sha256OfNothing() {
        assertThat(HEX.formatHex(MerkleHash.sha256(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(HEX.formatHex(MerkleTree.root(0, (l, i) -> null)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leafAndNodeHashes() {
        assertThat(HEX.formatHex(MerkleHash.leaf(new byte[0])))
                .isEqualTo("6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d");
        assertThat(HEX.formatHex(MerkleHash.leaf(ascii("L123456"))))
                .isEqualTo("395aa064aa4c29f7010acfe3f25db9485bbd4b91897b6ad7ad547639252b4d56");
        assertThat(HEX.formatHex(MerkleHash.node(ascii("N123"), ascii("N456"))))
                .isEqualTo("aa217fe888e47007fa15edab33c2b492a722cb106c64667fc2b044444de66bbb");
    }

    @Test
    void rootsOfTheEightLeafReferenceTree() {
        MemoryTree tree = MemoryTree.of(EIGHT);
        assertThat(HEX.formatHex(MerkleTree.root(3, tree)))
                .isEqualTo("aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77");
        assertThat(HEX.formatHex(MerkleTree.root(8, tree)))
                .isEqualTo("5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328");
        assertThat(MerkleTree.root(3, tree)).isEqualTo(MemoryTree.referenceRoot(EIGHT.subList(0, 3)));
    }

    @Test
    void proofsOfTheReferenceTreeHaveTheRfcShapes() {
        MemoryTree tree = MemoryTree.of(EIGHT);
        // RFC 9162 §2.1.5's tree of 7 leaves: d0's path is [b, h, l] (leaf d1, node [d2 d3], node [d4 d5 d6]).
        List<byte[]> path = MerkleTree.inclusion(0, 7, tree);
        assertThat(path).hasSize(3);
        assertThat(path.get(0)).isEqualTo(MerkleHash.leaf(EIGHT.get(1)));
        assertThat(path.get(2)).isEqualTo(MemoryTree.referenceRoot(EIGHT.subList(4, 7)));
        assertThat(MerkleProofs.verifyInclusion(0, 7, MerkleHash.leaf(EIGHT.get(0)), path, MerkleTree.root(7, tree))).isTrue();
        // Consistency 3 → 7 is [c, d, g, l] (§2.1.5: leaf d2, leaf d3, node [d0 d1], node [d4 d5 d6]).
        List<byte[]> consistency = MerkleTree.consistency(3, 7, tree);
        assertThat(consistency).hasSize(4);
        assertThat(consistency.get(0)).isEqualTo(MerkleHash.leaf(EIGHT.get(2)));
        assertThat(consistency.get(1)).isEqualTo(MerkleHash.leaf(EIGHT.get(3)));
        assertThat(consistency.get(2)).isEqualTo(MemoryTree.referenceRoot(EIGHT.subList(0, 2)));
        assertThat(MerkleProofs.verifyConsistency(3, 7, MerkleTree.root(3, tree), MerkleTree.root(7, tree), consistency)).isTrue();
        // 4 → 7 is [l] alone: the old tree [d0..d3] is a complete subtree and left out of the proof.
        assertThat(MerkleTree.consistency(4, 7, tree)).hasSize(1);
        assertThat(MerkleProofs.verifyConsistency(4, 7, MerkleTree.root(4, tree), MerkleTree.root(7, tree),
                MerkleTree.consistency(4, 7, tree))).isTrue();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
