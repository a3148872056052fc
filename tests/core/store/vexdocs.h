// SPDX-License-Identifier: GPL-3.0-or-later
// VEX documents for tst_vex (kept out of the test's source: moc does not read multi-line
// raw strings).
#pragma once

namespace {

constexpr const char *kOpenVex = R"json({
  "@context": "https://openvex.dev/ns/v0.2.0",
  "@id": "https://example.com/vex/1",
  "author": "Security Team",
  "timestamp": "2025-06-01T00:00:00Z",
  "version": 1,
  "statements": [
    {"vulnerability": {"name": "CVE-2025-0001"},
     "products": [{"@id": "pkg:deb/debian/openssl@3.0.1?arch=amd64"}],
     "status": "not_affected", "justification": "vulnerable_code_not_in_execute_path",
     "impact_statement": "The TLS code path is never used."},
    {"vulnerability": {"name": "CVE-2025-0002"},
     "products": [{"@id": "pkg:deb/debian/openssl@9.9.9"}],
     "status": "fixed"},
    {"vulnerability": {"name": "CVE-2030-9999"},
     "products": [{"@id": "pkg:deb/debian/openssl"}],
     "status": "not_affected", "justification": "component_not_present"},
    {"vulnerability": {"name": "GHSA-xxxx-yyyy-zzzz", "aliases": ["CVE-2025-0003"]},
     "products": [{"@id": "pkg:oci/app2?repository_url=registry.example/app2"}],
     "status": "affected", "action_statement": "Upgrade next sprint"},
    {"vulnerability": {"name": "CVE-2025-0001"},
     "products": [{"@id": "pkg:oci/app1@sha256%3Adeadbeef?repository_url=registry.example/app1",
                   "subcomponents": [{"@id": "pkg:deb/debian/zlib"}]}],
     "status": "under_investigation"},
    {"vulnerability": {"name": "CVE-2025-0001"},
     "products": [{"@id": "cpe:2.3:a:openssl:openssl:3.0.1:*:*:*:*:*:*:*"}],
     "status": "not_affected", "justification": "component_not_present"},
    {"vulnerability": {"name": "CVE-2025-0002"},
     "products": [{"@id": "pkg:deb/debian/curl"}],
     "status": "fixed"}
  ]
})json";

constexpr const char *kDoc0 =
    R"({"@context":"https://openvex.dev/ns","@id":"x","author":"a","timestamp":"2023-01-01T00:00:00Z",
"statements":[{"vulnerability":"CVE-2023-1","products":["pkg:apk/alpine/busybox@1.36"],
"subcomponents":["pkg:apk/alpine/ssl_client"],"status":"fixed"}]})";
constexpr const char *kDoc1 = R"({"SchemaVersion":2})";
constexpr const char *kDoc2 = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"pkg:deb/x"}],"status":"fixed"},
{"vulnerability":{"name":"CVE-2"},"products":[{"@id":"pkg:deb/x"}],"status":"broken"}]})";
constexpr const char *kDoc3 = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"vulnerability":{"name":"CVE-1"},"products":[{"@id":"pkg:deb/x"}],"status":"not_affected","justification":"trust_me"}]})";
constexpr const char *kDoc4 = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"vulnerability":{"name":"CVE-1"},"products":[42],"status":"fixed"}]})";
constexpr const char *kDoc5 = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"products":[{"@id":"pkg:deb/x"}],"status":"fixed"}]})";
constexpr const char *kDoc6 =
    R"({"bomFormat":"CycloneDX","specVersion":"1.5","vulnerabilities":[{"id":"CVE-1"}]})";
constexpr const char *kDoc7 =
    R"({"bomFormat":"CycloneDX","vulnerabilities":[{"id":"CVE-1","analysis":{"state":"meh"}}]})";
constexpr const char *kDoc8 = R"({"@context":"https://openvex.dev/ns/v0.2.0","statements":[
{"vulnerability":{"name":"CVE-2025-0001"},"products":[{"@id":"pkg:oci/app1@%1?repository_url=registry.example/app1",
"subcomponents":[{"@id":"pkg:deb/debian/openssl@3.0.1"}]}],"status":"fixed"}]})";

} // namespace
