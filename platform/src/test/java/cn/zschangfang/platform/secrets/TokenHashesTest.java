package cn.zschangfang.platform.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenHashesTest {

    @Test
    void hashIsTheHexSha256OfTheUtf8Bytes() {
        // FIPS 180-2 test vector, and a token with non-ASCII characters hashed by its UTF-8 bytes
        assertThat(TokenHashes.sha256("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(TokenHashes.sha256("令牌")).hasSize(64).isNotEqualTo(TokenHashes.sha256("abc"));
    }
}
