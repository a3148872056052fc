// SPDX-License-Identifier: GPL-3.0-or-later
// Grype JSON, every schema generation from 0.7 to 0.11x (formats.md §3).

#include "readers.h"

#include <QByteArray>
#include <algorithm>

namespace patchwise::ingest {

namespace {

using model::Finding;

// The image config Grype embeds as base64: history, user, ports, labels.
void readEmbeddedConfig(std::string_view base64, model::Image &image)
{
    const QByteArray json =
        QByteArray::fromBase64(QByteArray::fromRawData(base64.data(), qsizetype(base64.size())));
    if (json.isEmpty())
        return;
    simdjson::dom::parser parser;
    simdjson::dom::element root;
    if (parser.parse(json.constData(), std::size_t(json.size())).get(root) != simdjson::SUCCESS)
        return; // not fatal: the config only adds detail
    try {
        const JsonNode config(root);
        if (!config.isObject())
            return;
        std::vector<std::string> historyLines;
        readOciConfig(config, image, historyLines);
        for (std::size_t i = 0; i < image.layers.size() && i < historyLines.size(); ++i)
            image.layers[i].createdBy = historyLines[i];
    } catch (const ShapeError &) {
        // A malformed embedded config is ignored: it is optional detail.
    }
}

void readSource(const JsonNode &source, model::Image &image)
{
    const JsonNode target = source.child("target");
    if (!target.isObject()) {
        // directory/file scans: target is the path string
        image.name = target.asText();
        return;
    }
    image.name = std::string(target.str("userInput"));
    image.configDigest = std::string(target.str("imageID"));
    target.forEach("repoDigests",
                   [&](const JsonNode &d) { addUnique(image.repoDigests, d.asString()); });
    target.forEach("tags", [&](const JsonNode &t) { addUnique(image.tags, t.asString()); });
    target.forEach("layers", [&](const JsonNode &l) {
        model::Layer layer;
        layer.diffId = std::string(l.str("digest")); // a DiffID despite the gzip mediaType
        layer.size = l.integer("size", -1);
        image.layers.push_back(std::move(layer));
    });
    image.architecture = std::string(target.str("architecture"));
    if (const auto config = target.get("config"); config && config->isString())
        readEmbeddedConfig(config->asString(), image);
    if (image.name.empty() && !image.tags.empty())
        image.name = image.tags.front();
    if (image.name.empty())
        image.name = image.configDigest;
}

// cvss[] entries (current) or cvssV2/cvssV3 objects (0.7.x).
void readCvss(const JsonNode &vuln, std::string_view fallbackSource, Finding &f)
{
    vuln.forEach("cvss", [&](const JsonNode &c) {
        model::CvssRecord r;
        r.source = std::string(c.str("source"));
        if (r.source.empty())
            r.source = std::string(fallbackSource);
        r.vector = std::string(c.str("vector"));
        r.version = std::string(c.str("version"));
        if (r.version.empty())
            r.version = cvssVersionOf(r.vector);
        if (const auto metrics = c.get("metrics"))
            if (const auto base = metrics->number("baseScore"))
                r.baseTenths = tenthsOf(*base);
        f.cvss.push_back(std::move(r));
    });
    for (const char *key : {"cvssV2", "cvssV3"}) {
        if (const auto c = vuln.get(key)) {
            model::CvssRecord r;
            r.source = std::string(fallbackSource);
            r.vector = std::string(c->str("vector"));
            r.version = key[5] == '2' ? "2.0" : cvssVersionOf(r.vector);
            if (const auto base = c->number("baseScore"))
                r.baseTenths = tenthsOf(*base);
            f.cvss.push_back(std::move(r));
        }
    }
}

std::string sourceOfNamespace(std::string_view ns)
{
    // "debian:distro:debian:12" → "debian", "nvd:cpe" → "nvd", "github:language:python" → "github"
    const std::size_t colon = ns.find(':');
    return std::string(ns.substr(0, colon));
}

Finding readMatch(const JsonNode &match, const model::Image &image)
{
    Finding f;
    const JsonNode vuln = match.child("vulnerability");
    f.vulnerabilityId = std::string(vuln.child("id").asString());
    const std::string ns(vuln.str("namespace"));
    const std::string source = ns.empty() ? std::string("grype") : sourceOfNamespace(ns);

    const JsonNode artifact = match.child("artifact");
    f.packageName = std::string(artifact.str("name"));
    f.packageVersion = std::string(artifact.str("version"));
    f.packageType = std::string(artifact.str("type"));
    f.purl = std::string(artifact.str("purl"));

    // Layer: the lowest image layer among the artifact's locations (formats.md §3.3).
    std::size_t lowest = image.layers.size();
    artifact.forEach("locations", [&](const JsonNode &loc) {
        const std::string_view layerId = loc.str("layerID");
        const std::string_view path = loc.str("path");
        if (f.packagePath.empty() && f.packageType != "deb" && f.packageType != "rpm" &&
            f.packageType != "apk")
            f.packagePath = std::string(path);
        for (std::size_t i = 0; i < image.layers.size(); ++i) {
            if (image.layers[i].diffId == layerId) {
                lowest = std::min(lowest, i);
                break;
            }
        }
        if (image.layers.empty() && f.layerDiffId.empty())
            f.layerDiffId = std::string(layerId);
    });
    if (lowest < image.layers.size())
        f.layerDiffId = image.layers[lowest].diffId;

    if (const auto fix = vuln.get("fix")) {
        fix->forEach("versions",
                     [&](const JsonNode &v) { addUnique(f.fixedVersions, v.asString()); });
        f.fixStateWord = std::string(fix->str("state"));
    }
    f.fixState = model::fixStateFromGrype(f.fixStateWord, !f.fixedVersions.empty());

    const std::string_view severity = vuln.str("severity");
    if (!severity.empty()) {
        f.severities.push_back(
            {"grype", model::severityFromWord(severity), std::string(severity), true});
        if (!ns.empty())
            f.severities.push_back(
                {source, model::severityFromWord(severity), std::string(severity)});
    }
    readCvss(vuln, source, f);
    f.description = std::string(vuln.str("description"));
    vuln.forEach("urls", [&](const JsonNode &u) { addUnique(f.urls, u.asString()); });
    vuln.forEach("links", [&](const JsonNode &u) { addUnique(f.urls, u.asString()); });
    vuln.forEach("cwes", [&](const JsonNode &c) {
        if (c.isString())
            addUnique(f.cwes, c.asString());
        else
            addUnique(f.cwes, c.str("cwe"));
    });
    vuln.forEach("epss", [&](const JsonNode &e) {
        if (const auto p = e.number("epss"))
            f.epss = std::max(f.epss.value_or(0.0), *p);
    });
    vuln.forEach("knownExploited", [&](const JsonNode &) { f.knownExploited = true; });

    match.forEach("relatedVulnerabilities", [&](const JsonNode &related) {
        const std::string_view id = related.str("id");
        if (id != f.vulnerabilityId)
            addUnique(f.aliases, id);
        const std::string relNs(related.str("namespace"));
        const std::string relSource =
            relNs.empty() ? std::string("related") : sourceOfNamespace(relNs);
        const std::string_view relSeverity = related.str("severity");
        if (!relSeverity.empty() && relSource != source)
            f.severities.push_back(
                {relSource, model::severityFromWord(relSeverity), std::string(relSeverity)});
        readCvss(related, relSource, f);
        if (f.description.empty())
            f.description = std::string(related.str("description"));
        related.forEach("urls", [&](const JsonNode &u) { addUnique(f.urls, u.asString()); });
    });
    return f;
}

} // namespace

void readGrype(const JsonNode &root, FileRead &out)
{
    model::Scan scan;
    scan.scanner = "grype";
    if (const auto descriptor = root.get("descriptor")) {
        scan.scannerVersion = std::string(descriptor->str("version"));
        scan.scannedAt = timestampOf(descriptor->str("timestamp"));
    }
    if (const auto source = root.get("source"))
        readSource(*source, scan.image);
    if (const auto distro = root.get("distro")) {
        scan.image.osFamily = std::string(distro->str("name"));
        scan.image.osVersion = std::string(distro->str("version"));
    }
    root.forEach("matches",
                 [&](const JsonNode &m) { scan.findings.push_back(readMatch(m, scan.image)); });
    root.forEach("ignoredMatches", [&](const JsonNode &m) {
        Finding f = readMatch(m, scan.image);
        f.suppressed = true;
        scan.findings.push_back(std::move(f));
    });
    out.scans.push_back(std::move(scan));
}

} // namespace patchwise::ingest
