// The libcurl C interface as Swift sees it. curl_easy_setopt and
// curl_easy_getinfo are variadic, which Swift cannot call, so each kind of
// option the SMTP sender sets is wrapped here in a small inline function.
#ifndef ASPIRE_CCURL_SHIM_H
#define ASPIRE_CCURL_SHIM_H

#include <curl/curl.h>

/// Sets an option that takes a long: flags, timeouts, the TLS level.
static inline CURLcode aspire_curl_set_long(CURL *handle, CURLoption option, long value) {
  return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes text; libcurl copies the text before returning.
static inline CURLcode aspire_curl_set_string(
    CURL *handle, CURLoption option, const char *value) {
  return curl_easy_setopt(handle, option, value);
}

/// Sets an option that takes a pointer, such as a list or the read callback's data.
static inline CURLcode aspire_curl_set_pointer(CURL *handle, CURLoption option, void *value) {
  return curl_easy_setopt(handle, option, value);
}

/// Sets the function libcurl calls to read the bytes it uploads.
static inline CURLcode aspire_curl_set_read_function(
    CURL *handle, curl_read_callback callback) {
  return curl_easy_setopt(handle, CURLOPT_READFUNCTION, callback);
}

/// Reads a piece of information that is a long, such as the last response code.
static inline CURLcode aspire_curl_get_long(CURL *handle, CURLINFO info, long *value) {
  return curl_easy_getinfo(handle, info, value);
}

#endif
