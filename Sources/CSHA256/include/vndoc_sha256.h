#ifndef VNDOC_SHA256_H
#define VNDOC_SHA256_H

#include <stddef.h>
#include <stdint.h>

/// Non-zero when this CPU has the x86 SHA extensions (and SSE4.1) that
/// vndoc_sha256_blocks_ni needs.
int vndoc_sha256_ni_available(void);

/// Runs the SHA-256 compression function over `blocks` whole 64-byte blocks of `data`,
/// updating `state` (a, b, …, h as FIPS 180-4 numbers them) with the 64 round constants `k`.
/// Call only when vndoc_sha256_ni_available() says so.
void vndoc_sha256_blocks_ni(uint32_t state[8], const uint8_t *data, size_t blocks, const uint32_t k[64]);

#endif
