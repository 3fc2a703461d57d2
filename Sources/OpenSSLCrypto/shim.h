#ifndef DOSSIER_OPENSSL_SHIM_H
#define DOSSIER_OPENSSL_SHIM_H
/* Only OpenSSL's message digests (libcrypto's EVP interface): Dossier hashes, it does not encrypt
   or speak TLS. */
#include <openssl/evp.h>
#endif
