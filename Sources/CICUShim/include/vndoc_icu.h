// A deliberately small, ICU-free view of the ICU calls vndoc needs.
//
// Only <stdint.h> types cross this boundary: the ICU headers are included in vndoc_icu.c alone,
// so they never meet the ICU copy that Foundation bundles on Linux (whose UErrorCode clashes).
// Every function returns a length (>= 0) or a negative value on failure; `status` receives ICU's
// UErrorCode as a plain integer (0 = success, > 0 = failure, < 0 = warning) and
// vn_icu_error_name() turns it into ICU's name for it.
#ifndef VNDOC_ICU_H
#define VNDOC_ICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// ICU's name for a status code, e.g. "U_BUFFER_OVERFLOW_ERROR".
const char *vn_icu_error_name(int32_t status);

/// The ICU version this binary was linked against, e.g. "72.1".
const char *vn_icu_version(void);

/// Length of the leading span of `src` that is certainly in NFC (ICU quick check "yes").
int32_t vn_nfc_span_yes(const uint16_t *src, int32_t length, int32_t *status);

/// NFC of `src` into `dest` (capacity in UTF-16 units); returns the needed length.
int32_t vn_nfc(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/// NFC of well-formed UTF-8 straight into UTF-8 (ICU's normalizeUTF8). Returns the bytes
/// written; on U_BUFFER_OVERFLOW_ERROR, a capacity that is enough.
int32_t vn_nfc_utf8(const uint8_t *src, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status);

/// 1 when UTF-8 `src` is already NFC, 0 when not, -1 on error.
int32_t vn_is_nfc_utf8(const uint8_t *src, int32_t length, int32_t *status);

/// NFD of `src` into `dest`; returns the needed length.
int32_t vn_nfd(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/// The canonical composition of two code points, or -1 when they do not compose.
int32_t vn_compose_pair(uint32_t a, uint32_t b);

/// The full canonical decomposition of one code point into `dest` (UTF-16), or -1 when it has none.
int32_t vn_decomposition(uint32_t c, uint16_t *dest, int32_t capacity);

/// Canonical combining class of a code point.
uint8_t vn_combining_class(uint32_t c);

/// UTF-8 -> UTF-16 (ill-formed input is an error: U_INVALID_CHAR_FOUND).
int32_t vn_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status);

/// UTF-16 -> UTF-8.
int32_t vn_utf16_to_utf8(const uint16_t *src, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status);

/// Bytes in `charset` (an ICU converter name such as "windows-1258") -> UTF-16.
/// Bytes the charset does not define stop the conversion with an error; `error_offset` then
/// receives the offset of the first such byte (or -1).
int32_t vn_decode(const char *charset, const uint8_t *src, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *error_offset, int32_t *status);

/// UTF-16 -> bytes in `charset`; characters the charset cannot represent stop with an error.
int32_t vn_encode(const char *charset, const uint16_t *src, int32_t length,
                  uint8_t *dest, int32_t capacity, int32_t *status);

/// Whether ICU has a converter by this name.
int32_t vn_has_converter(const char *charset);

#ifdef __cplusplus
}
#endif

#endif
