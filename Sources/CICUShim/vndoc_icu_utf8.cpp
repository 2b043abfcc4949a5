// NFC straight on UTF-8 through ICU's C++ Normalizer2::normalizeUTF8 (no UTF-16 round trip).
// Like vndoc_icu.c, this is the only place these headers are seen; the public header stays C.
#include "vndoc_icu.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

extern "C" int32_t vn_nfc_utf8(const uint8_t *src, int32_t length, uint8_t *dest, int32_t capacity, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    icu::CheckedArrayByteSink sink(reinterpret_cast<char *>(dest), capacity);
    nfc->normalizeUTF8(0, icu::StringPiece(reinterpret_cast<const char *>(src), length), sink, nullptr, err);
    if (U_SUCCESS(err) && sink.Overflowed()) err = U_BUFFER_OVERFLOW_ERROR;
    *status = (int32_t)err;
    return sink.NumberOfBytesAppended() + (sink.Overflowed() ? length * 3 : 0);
}

extern "C" int32_t vn_is_nfc_utf8(const uint8_t *src, int32_t length, int32_t *status) {
    UErrorCode err = U_ZERO_ERROR;
    const icu::Normalizer2 *nfc = icu::Normalizer2::getNFCInstance(err);
    if (U_FAILURE(err)) { *status = (int32_t)err; return -1; }
    UBool yes = nfc->isNormalizedUTF8(icu::StringPiece(reinterpret_cast<const char *>(src), length), err);
    *status = (int32_t)err;
    return U_SUCCESS(err) ? (yes ? 1 : 0) : -1;
}
