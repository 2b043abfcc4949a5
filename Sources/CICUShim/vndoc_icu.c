// The only file in vndoc that includes ICU's headers. See include/vndoc_icu.h.
#include "vndoc_icu.h"

#include <string.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utypes.h>
#include <unicode/uversion.h>

const char *vn_icu_error_name(int32_t status) {
    return u_errorName((UErrorCode)status);
}

const char *vn_icu_version(void) {
    static char text[U_MAX_VERSION_STRING_LENGTH];
    UVersionInfo info;
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

static const UNormalizer2 *nfc(UErrorCode *status) { return unorm2_getNFCInstance(status); }
static const UNormalizer2 *nfd(UErrorCode *status) { return unorm2_getNFDInstance(status); }

int32_t vn_nfc_span_yes(const uint16_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&err);
    int32_t span = U_SUCCESS(err) ? unorm2_spanQuickCheckYes(n, (const UChar *)src, length, &err) : -1;
    *status = (int32_t)err;
    return U_SUCCESS(err) ? span : -1;
}

int32_t vn_nfc(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&err);
    int32_t out = U_SUCCESS(err) ? unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err) : -1;
    *status = (int32_t)err;
    return out;
}

int32_t vn_nfd(const uint16_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = nfd(&err);
    int32_t out = U_SUCCESS(err) ? unorm2_normalize(n, (const UChar *)src, length, (UChar *)dest, capacity, &err) : -1;
    *status = (int32_t)err;
    return out;
}

int32_t vn_compose_pair(uint32_t a, uint32_t b) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = nfc(&err);
    if (U_FAILURE(err)) return -1;
    UChar32 c = unorm2_composePair(n, (UChar32)a, (UChar32)b);
    return c < 0 ? -1 : (int32_t)c;
}

int32_t vn_decomposition(uint32_t c, uint16_t *dest, int32_t capacity) {
    UErrorCode err = U_ZERO_ERROR;
    const UNormalizer2 *n = nfd(&err);
    if (U_FAILURE(err)) return -1;
    int32_t len = unorm2_getDecomposition(n, (UChar32)c, (UChar *)dest, capacity, &err);
    return U_FAILURE(err) ? -1 : len;
}

uint8_t vn_combining_class(uint32_t c) {
    return u_getCombiningClass((UChar32)c);
}

int32_t vn_utf8_to_utf16(const uint8_t *src, int32_t length, uint16_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t out = 0;
    u_strFromUTF8((UChar *)dest, capacity, &out, (const char *)src, length, &err);
    *status = (int32_t)err;
    return out;
}

int32_t vn_utf16_to_utf8(const uint16_t *src, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    int32_t out = 0;
    u_strToUTF8((char *)dest, capacity, &out, (const UChar *)src, length, &err);
    *status = (int32_t)err;
    return out;
}

int32_t vn_decode(const char *charset, const uint8_t *src, int32_t length,
                  uint16_t *dest, int32_t capacity, int32_t *error_offset, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    *error_offset = -1;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    UChar *target = (UChar *)dest;
    const char *source = (const char *)src;
    ucnv_toUnicode(cnv, &target, (UChar *)dest + capacity, &source, (const char *)src + length, NULL, 1, &err);
    int32_t written = (int32_t)(target - (UChar *)dest);
    if (err == U_ILLEGAL_CHAR_FOUND || err == U_INVALID_CHAR_FOUND || err == U_TRUNCATED_CHAR_FOUND) {
        char bad[8];
        int8_t badLen = (int8_t)sizeof(bad);
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cnv, bad, &badLen, &e2);
        *error_offset = (int32_t)(source - (const char *)src) - (U_SUCCESS(e2) ? badLen : 0);
    }
    ucnv_close(cnv);
    *status = (int32_t)err;
    return written;
}

int32_t vn_encode(const char *charset, const uint16_t *src, int32_t length,
                  uint8_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL, NULL, &err);
    int32_t out = ucnv_fromUChars(cnv, (char *)dest, capacity, (const UChar *)src, length, &err);
    ucnv_close(cnv);
    *status = (int32_t)err;
    return out;
}

int32_t vn_has_converter(const char *charset) {
    UErrorCode err = U_ZERO_ERROR;
    UConverter *cnv = ucnv_open(charset, &err);
    if (U_FAILURE(err)) return 0;
    ucnv_close(cnv);
    return 1;
}
