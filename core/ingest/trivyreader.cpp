// SPDX-License-Identifier: GPL-3.0-or-later
// Trivy JSON: SchemaVersion 2 reports and the legacy top-level array (formats.md §2).

#include "readers.h"

namespace patchwise::ingest {

namespace {

using model::Finding;

void readMetadata(const JsonNode &metadata, model::Image &image)
{
    image.configDigest = std::string(metadata.str("ImageID"));
    metadata.forEach("RepoDigests",
                     [&](const JsonNode &d) { addUnique(image.repoDigests, d.asString()); });
    metadata.forEach("RepoTags", [&](const JsonNode &t) { addUnique(image.tags, t.asString()); });
    if (const auto os = metadata.get("OS")) {
        image.osFamily = std::string(os->str("Family"));
        image.osVersion = std::string(os->str("Name"));
        image.osEndOfLife = os->boolean("EOSL");
    }
    std::vector<std::string> diffIds;
    metadata.forEach("DiffIDs", [&](const JsonNode &d) { diffIds.emplace_back(d.asString()); });
    std::vector<std::string> historyLines;
    if (const auto config = metadata.get("ImageConfig")) {
        readOciConfig(*config, image, historyLines);
        if (diffIds.empty()) {
            if (const auto rootfs = config->get("rootfs"))
                rootfs->forEach("diff_ids",
                                [&](const JsonNode &d) { diffIds.emplace_back(d.asString()); });
        }
    }
    for (std::size_t i = 0; i < diffIds.size(); ++i) {
        model::Layer layer;
        layer.diffId = diffIds[i];
        if (i < historyLines.size())
            layer.createdBy = historyLines[i];
        image.layers.push_back(std::move(layer));
    }
    metadata.forEach("Layers", [&](const JsonNode &l) {
        const std::string_view diffId = l.str("DiffID");
        for (model::Layer &layer : image.layers) {
            if (layer.diffId == diffId) {
                layer.blobDigest = std::string(l.str("Digest"));
                layer.size = l.integer("Size", -1);
                return;
            }
        }
    });
}

} // namespace

Finding readTrivyVulnerability(const JsonNode &v, std::string_view resultType)
{
    Finding f;
    f.vulnerabilityId = std::string(v.child("VulnerabilityID").asString());
    v.forEach("VendorIDs", [&](const JsonNode &id) { addUnique(f.aliases, id.asString()); });
    f.packageName = std::string(v.str("PkgName"));
    f.packageVersion = std::string(v.str("InstalledVersion"));
    f.packagePath = std::string(v.str("PkgPath"));
    if (const auto ident = v.get("PkgIdentifier"))
        f.purl = std::string(ident->str("PURL"));
    f.packageType = purlType(f.purl);
    if (f.packageType.empty())
        f.packageType = std::string(resultType);
    f.fixedVersions = splitList(v.str("FixedVersion"));
    f.fixStateWord = std::string(v.str("Status"));
    f.fixState = model::fixStateFromTrivy(f.fixStateWord, !f.fixedVersions.empty());
    if (const auto layer = v.get("Layer"))
        f.layerDiffId = std::string(layer->str("DiffID"));

    // Trivy's own pick, then every vendor's rating.
    const std::string_view severity = v.str("Severity");
    if (!severity.empty()) {
        std::string word(severity);
        if (const std::string_view src = v.str("SeveritySource"); !src.empty())
            word += " (" + std::string(src) + ")";
        f.severities.push_back({"trivy", model::severityFromWord(severity), word, true});
    }
    v.forEachMember("VendorSeverity", [&](std::string_view source, const JsonNode &level) {
        const std::int64_t n = level.asInt();
        f.severities.push_back(
            {std::string(source), model::severityFromTrivyLevel(n), std::to_string(n)});
    });
    v.forEachMember("CVSS", [&](std::string_view source, const JsonNode &c) {
        struct Pair
        {
            const char *vector, *score;
        };
        for (const Pair p : {Pair{"V2Vector", "V2Score"},
                             Pair{"V3Vector", "V3Score"},
                             Pair{"V40Vector", "V40Score"}}) {
            const std::string_view vector = c.str(p.vector);
            const auto score = c.number(p.score);
            if (vector.empty() && !score)
                continue;
            model::CvssRecord r;
            r.source = std::string(source);
            r.vector = std::string(vector);
            r.version = vector.empty() ? (p.vector[1] == '2'   ? "2.0"
                                          : p.vector[1] == '4' ? "4.0"
                                                               : "3.x")
                                       : cvssVersionOf(vector);
            r.baseTenths = score ? tenthsOf(*score) : -1;
            f.cvss.push_back(std::move(r));
        }
    });
    f.title = std::string(v.str("Title"));
    f.description = std::string(v.str("Description"));
    addUnique(f.urls, v.str("PrimaryURL"));
    v.forEach("References", [&](const JsonNode &u) { addUnique(f.urls, u.asString()); });
    v.forEach("CweIDs", [&](const JsonNode &c) { addUnique(f.cwes, c.asString()); });
    f.published = timestampOf(v.str("PublishedDate"));
    f.lastModified = timestampOf(v.str("LastModifiedDate"));
    return f;
}

namespace {

// Results[] of a SchemaVersion 2 report, and the legacy array (same element shape).
void readResults(const JsonNode &results, model::Scan &scan, FileRead &out)
{
    results.forEachElement([&](const JsonNode &result) {
        const std::string_view cls = result.str("Class");
        if (cls == "secret" || cls == "config" || cls == "license" || cls == "license-file") {
            out.skip(std::string(cls) + " results (not vulnerabilities)");
            return;
        }
        const std::string_view type = result.str("Type");
        if (const auto packages = result.get("Packages"); packages && packages->isArray()) {
            scan.image.packageListComplete = true;
            packages->forEachElement([&](const JsonNode &p) {
                model::Package package{std::string(p.str("Name")),
                                       std::string(p.str("Version")),
                                       std::string(type),
                                       {}};
                if (const auto layer = p.get("Layer"))
                    package.layerDiffId = std::string(layer->str("DiffID"));
                if (!package.name.empty())
                    scan.image.packages.push_back(std::move(package));
            });
        }
        result.forEach("Vulnerabilities", [&](const JsonNode &v) {
            scan.findings.push_back(readTrivyVulnerability(v, type));
        });
        // Suppressed by .trivyignore or VEX: kept, flagged, never counted as fixed.
        result.forEach("ExperimentalModifiedFindings", [&](const JsonNode &m) {
            if (m.str("Type") != "vulnerability") {
                out.skip("suppressed non-vulnerability findings");
                return;
            }
            Finding f = readTrivyVulnerability(m.child("Finding"), type);
            f.suppressed = true;
            scan.findings.push_back(std::move(f));
        });
    });
}

// "alpine:3.19 (alpine 3.19.1)" → "alpine:3.19".
std::string nameFromTarget(std::string_view target)
{
    const std::size_t paren = target.rfind(" (");
    return std::string(paren == std::string_view::npos ? target : target.substr(0, paren));
}

} // namespace

void readTrivyReport(const JsonNode &root, FileRead &out)
{
    model::Scan scan;
    scan.scanner = "trivy";
    if (const auto trivy = root.get("Trivy"))
        scan.scannerVersion = std::string(trivy->str("Version"));
    scan.scannedAt = timestampOf(root.str("CreatedAt"));
    if (const auto metadata = root.get("Metadata"))
        readMetadata(*metadata, scan.image);
    const std::string_view artifact = root.str("ArtifactName");
    scan.image.name = !artifact.empty() ? std::string(artifact) : std::string();
    if (scan.image.name.empty() && root.get("Metadata"))
        scan.image.name = std::string(root.child("Metadata").str("Reference"));
    if (scan.image.name.empty() && !scan.image.tags.empty())
        scan.image.name = scan.image.tags.front();
    if (scan.image.name.empty())
        scan.image.name = scan.image.configDigest;
    if (const auto results = root.get("Results"))
        readResults(*results, scan, out);
    out.scans.push_back(std::move(scan));
}

void readTrivyLegacy(const JsonNode &root, FileRead &out)
{
    model::Scan scan;
    scan.scanner = "trivy";
    root.forEachElement([&](const JsonNode &result) {
        if (scan.image.name.empty() && result.str("Class") != "lang-pkgs")
            scan.image.name = nameFromTarget(result.str("Target"));
    });
    if (scan.image.name.empty()) {
        root.forEachElement([&](const JsonNode &result) {
            if (scan.image.name.empty())
                scan.image.name = nameFromTarget(result.str("Target"));
        });
    }
    readResults(root, scan, out);
    out.scans.push_back(std::move(scan));
}

} // namespace patchwise::ingest
