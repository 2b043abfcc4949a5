// SHA-256 block compression with the x86 SHA extensions (SHA256RNDS2, SHA256MSG1/MSG2).
//
// The instructions keep the eight working variables as two registers, ABEF and CDGH, and do
// two rounds per SHA256RNDS2 with the round-constant-plus-message sum in the low half of a
// third register. The message schedule advances four words at a time: MSG1 adds sigma0,
// an ALIGNR supplies w[t-7], MSG2 adds sigma1. The portable path is in Swift (Ingest.SHA256),
// and the tests compare both against the FIPS 180-4 vectors.

#include "vndoc_sha256.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#include <cpuid.h>

int vndoc_sha256_ni_available(void) {
    unsigned int eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    int sse41 = (ecx >> 19) & 1, ssse3 = (ecx >> 9) & 1;
    if (__get_cpuid_max(0, 0) < 7) return 0;
    __cpuid_count(7, 0, eax, ebx, ecx, edx);
    int sha = (ebx >> 29) & 1;
    return sha && sse41 && ssse3;
}

__attribute__((target("sha,sse4.1,ssse3")))
void vndoc_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
    // Big-endian words from the message bytes.
    const __m128i byteswap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);

    // state as loaded: [a b c d] and [e f g h] (low lane first); the instructions want
    // ABEF = [f e b a] and CDGH = [h g d c] (low lane first).
    __m128i abcd = _mm_loadu_si128((const __m128i *)&state[0]);
    __m128i efgh = _mm_loadu_si128((const __m128i *)&state[4]);
    __m128i dcba = _mm_shuffle_epi32(abcd, 0x1B);
    __m128i hgfe = _mm_shuffle_epi32(efgh, 0x1B);
    __m128i abef = _mm_unpackhi_epi64(hgfe, dcba);  // low: f e, high: b a  -> [f e b a]
    __m128i cdgh = _mm_unpacklo_epi64(hgfe, dcba);  // low: h g, high: d c  -> [h g d c]

    for (size_t n = 0; n < blocks; n++, data += 64) {
        const __m128i abef_saved = abef, cdgh_saved = cdgh;
        __m128i w[4];
        for (int i = 0; i < 4; i++) {
            w[i] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16 * i)), byteswap);
        }
        for (int t = 0; t < 16; t++) {
            // w[t % 4] holds message words 4t .. 4t+3.
            __m128i current = w[t & 3];
            __m128i sum = _mm_add_epi32(current, _mm_loadu_si128((const __m128i *)&k[4 * t]));
            cdgh = _mm_sha256rnds2_epu32(cdgh, abef, sum);
            sum = _mm_shuffle_epi32(sum, 0x0E);
            abef = _mm_sha256rnds2_epu32(abef, cdgh, sum);
            // Next-but-three group: w[t+4] from w[t], w[t+1], w[t+2], w[t+3].
            if (t < 12) {
                __m128i next = _mm_sha256msg1_epu32(w[t & 3], w[(t + 1) & 3]);
                next = _mm_add_epi32(next, _mm_alignr_epi8(w[(t + 3) & 3], w[(t + 2) & 3], 4));
                next = _mm_sha256msg2_epu32(next, w[(t + 3) & 3]);
                w[t & 3] = next;
            }
        }
        abef = _mm_add_epi32(abef, abef_saved);
        cdgh = _mm_add_epi32(cdgh, cdgh_saved);
    }

    // Back to [a b c d] and [e f g h].
    __m128i feba = abef, hgdc = cdgh;
    dcba = _mm_unpackhi_epi64(hgdc, feba);  // [d c b a]
    hgfe = _mm_unpacklo_epi64(hgdc, feba);  // [h g f e]
    _mm_storeu_si128((__m128i *)&state[0], _mm_shuffle_epi32(dcba, 0x1B));
    _mm_storeu_si128((__m128i *)&state[4], _mm_shuffle_epi32(hgfe, 0x1B));
}

#else

int vndoc_sha256_ni_available(void) { return 0; }
void vndoc_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]) {
    (void)state; (void)data; (void)blocks; (void)k;
}

#endif
