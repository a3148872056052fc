// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The per-format readers behind readFile(). Each throws ShapeError for a document of the
// wrong shape; readFile() turns that into an error value.

#include "jsonnode.h"
#include "reader.h"
#include "sourcefile.h"

#include <string>
#include <string_view>
#include <vector>

namespace patchwise::ingest {

void readTrivyReport(const JsonNode &root, FileRead &out);
void readTrivyLegacy(const JsonNode &root, FileRead &out);
void readGrype(const JsonNode &root, FileRead &out);
void readKev(const JsonNode &root, FileRead &out);
void readKubernetes(const JsonNode &root, FileRead &out);
void readCycloneDx(const JsonNode &root, FileRead &out);
void readTrivyK8s(const JsonNode &root, FileRead &out);
void readTrivyOperator(const JsonNode &root, FileRead &out);
// One Trivy vulnerability object (Results[].Vulnerabilities[]); resultType is the
// Result's Type, used when the package has no PURL.
model::Finding readTrivyVulnerability(const JsonNode &vulnerability, std::string_view resultType);
void readDockerInspect(const JsonNode &root, FileRead &out);
// "docker-pullable://quay.io/x@sha256:AB" → repo digest "quay.io/x@sha256:ab"; a bare
// "sha256:…" (or docker://sha256:…) → config digest. Hex is lower-cased.
void splitImageId(std::string_view imageId, std::string &repoDigest, std::string &configDigest);
// EPSS CSV; throws ShapeError with "line N" as the path on a malformed row.
void readEpssCsv(std::string_view content, FileRead &out);

// Parses a file's JSON; the error names the file and the line and column of a syntax error.
Result<simdjson::dom::element> parseJson(const SourceFile &file, simdjson::dom::parser &parser);

// Shared helpers.
std::string cvssVersionOf(std::string_view vector); // "3.1" from "CVSS:3.1/…", "2.0" without prefix
std::int16_t tenthsOf(double score);                // 7.5 → 75, clamped to 0..100
std::vector<std::string> splitList(std::string_view text,
                                   char separator = ','); // trimmed, no empties
std::string purlType(std::string_view purl);              // "deb" from "pkg:deb/debian/…"
void addUnique(std::vector<std::string> &list, std::string_view value);
std::int64_t timestampOf(std::string_view text); // 0 when absent or unparsable
// An OCI image config (Trivy Metadata.ImageConfig, Grype's embedded config): architecture,
// creation time, user, exposed ports, labels, and the history lines of the entries that
// created a layer (empty_layer entries are skipped), in layer order.
void readOciConfig(const JsonNode &config,
                   model::Image &image,
                   std::vector<std::string> &historyLines);

} // namespace patchwise::ingest
