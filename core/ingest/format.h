// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <simdjson.h>
#include <string_view>

namespace patchwise::ingest {

// Input formats, recognised by content (never by file name).
enum class Format
{
    Unknown,
    Trivy,         // SchemaVersion 2 report
    TrivyLegacy,   // top-level array of {Target, Type, Vulnerabilities} (< v0.20)
    TrivyK8s,      // trivy k8s cluster report
    TrivyOperator, // trivy-operator VulnerabilityReport
    Grype,
    CycloneDx,
    Kubernetes, // List of Pods / Services / Ingresses (or one such object)
    DockerInspect,
    Kev,
    Epss,
    Sarif,
    Snyk,
    Clair,
    Anchore,
};

// What a format describes.
enum class FormatKind
{
    Unknown,
    Scan,      // scanner findings about images
    Inventory, // what runs: Kubernetes, docker
    Feed,      // threat intelligence: KEV, EPSS
};
FormatKind kindOf(Format format);
std::string_view kindName(FormatKind kind); // "scanner report", "inventory", "threat feed"

// Stable key used in summaries: "trivy", "trivy-legacy", "grype", "cyclonedx", …
std::string_view formatKey(Format format);
// Whether this build can import the format (others are recognised and reported).
bool isImportable(Format format);

Format detectJson(simdjson::dom::element root);
// FIRST EPSS CSV: "#model_version:…" comment line or a "cve,epss,percentile" header.
bool looksLikeEpssCsv(std::string_view content);

} // namespace patchwise::ingest
