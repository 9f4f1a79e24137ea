package org.hanse.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Which limit a content type gets: YAML 1, JSON 2, CSV 3, spreadsheet 4, multipart 5, form 6, anything else 7 KiB. */
class BodyLimitsTest {

    final BodyLimits limits = new BodyLimits(DataSize.ofKilobytes(1), DataSize.ofKilobytes(2), DataSize.ofKilobytes(3),
            DataSize.ofKilobytes(4), DataSize.ofKilobytes(5), DataSize.ofKilobytes(6), DataSize.ofKilobytes(7));

    @Test
    void eachContentTypeHasItsLimit() {
        assertThat(limits.bytesFor("application/yaml")).isEqualTo(1024);
        assertThat(limits.bytesFor("application/x-yaml; charset=UTF-8")).isEqualTo(1024);
        assertThat(limits.bytesFor("text/yaml")).isEqualTo(1024);
        assertThat(limits.bytesFor("application/json")).isEqualTo(2048);
        assertThat(limits.bytesFor("Application/Merge-Patch+JSON")).isEqualTo(2048);
        assertThat(limits.bytesFor("text/csv;charset=utf-8")).isEqualTo(3072);
        assertThat(limits.bytesFor("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).isEqualTo(4096);
        assertThat(limits.bytesFor("application/octet-stream")).isEqualTo(4096);
        assertThat(limits.bytesFor("multipart/form-data; boundary=x")).isEqualTo(5120);
        assertThat(limits.bytesFor("application/x-www-form-urlencoded")).isEqualTo(6144);
        assertThat(limits.bytesFor("text/plain")).isEqualTo(7168);
        assertThat(limits.bytesFor(null)).isEqualTo(7168);
    }

    @Test
    void aMissingSettingFallsBackToOneMebibyteNotToUnlimited() {
        assertThat(new BodyLimits(null, null, null, null, null, null, null).bytesFor("application/json")).isEqualTo(1 << 20);
    }
}
