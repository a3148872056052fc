// SPDX-License-Identifier: GPL-3.0-or-later
// VEX documents for tst_decisions (moc does not read multi-line raw strings in a test).
#pragma once

namespace {

constexpr const char *kTeamVex =
    R"({"@context":"https://openvex.dev/ns/v0.2.0","@id":"urn:x","author":"t",
"statements":[{"vulnerability":{"name":"CVE-2025-1000"},"products":[{"@id":"pkg:deb/debian/openssl@9.9"}],"status":"fixed"},
{"vulnerability":{"name":"CVE-2025-1000"},"products":[{"@id":"pkg:deb/debian/openssl"}],"status":"fixed"}]})";
constexpr const char *kBrokenVex = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"vulnerability":{"name":"CVE-2025-2000"},"products":[{"@id":"pkg:deb/debian/zlib"}],"status":"fixed"},
{"vulnerability":{"name":"CVE-2025-2000"},"products":[{"@id":"pkg:deb/debian/zlib"}],"status":"patched"}]})";

} // namespace
