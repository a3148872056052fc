// SPDX-License-Identifier: GPL-3.0-or-later
// CycloneDX JSON with vulnerabilities[] (formats.md §4): Trivy, Grype, Dependency-Track
// exports and VEX documents, spec versions 1.4 to 1.7.

#include "readers.h"

#include <unordered_map>

namespace patchwise::ingest {

namespace {

using model::Finding;

struct Component
{
    std::string name, version, purl, type, layerDiffId;
};

std::string propertyValue(const JsonNode &node, std::string_view name)
{
    std::string value;
    node.forEach("properties", [&](const JsonNode &p) {
        if (value.empty() && p.str("name") == name)
            value = std::string(p.str("value"));
    });
    return value;
}

void collectComponents(const JsonNode &list,
                       std::unordered_map<std::string, Component> &out,
                       model::Image &image)
{
    list.forEachElement([&](const JsonNode &c) {
        const std::string_view type = c.str("type");
        if (type == "operating-system") {
            image.osFamily = std::string(c.str("name"));
            image.osVersion = std::string(c.str("version"));
        }
        Component comp;
        comp.name = std::string(c.str("name"));
        comp.version = std::string(c.str("version"));
        comp.purl = std::string(c.str("purl"));
        comp.type = propertyValue(c, "aquasecurity:trivy:PkgType");
        if (comp.type.empty())
            comp.type = purlType(comp.purl);
        comp.layerDiffId = propertyValue(c, "aquasecurity:trivy:LayerDiffID");
        if (type != "operating-system" && type != "container" && !comp.name.empty()) {
            image.packages.push_back({comp.name, comp.version, comp.type, comp.layerDiffId});
            image.packageListComplete = true;
        }
        const std::string ref(c.str("bom-ref"));
        if (!ref.empty())
            out.emplace(ref, comp);
        if (const auto nested = c.get("components"))
            collectComponents(*nested, out, image);
    });
}

// "CVSSv31" → "3.1"; the vector's own prefix wins when there is one.
std::string versionOfMethod(std::string_view method, std::string_view vector)
{
    if (vector.starts_with("CVSS:"))
        return cvssVersionOf(vector);
    if (method == "CVSSv2")
        return "2.0";
    if (method == "CVSSv3")
        return "3.0";
    if (method == "CVSSv31")
        return "3.1";
    if (method == "CVSSv4")
        return "4.0";
    return {};
}

} // namespace

void readCycloneDx(const JsonNode &root, FileRead &out)
{
    model::Scan scan;
    scan.scanner = "cyclonedx";
    std::unordered_map<std::string, Component> components;
    if (const auto metadata = root.get("metadata")) {
        scan.scannedAt = timestampOf(metadata->str("timestamp"));
        auto tool = [&](const JsonNode &t) {
            if (scan.scanner == "cyclonedx" && !t.str("name").empty()) {
                scan.scanner = std::string(t.str("name"));
                scan.scannerVersion = std::string(t.str("version"));
            }
        };
        if (const auto tools = metadata->get("tools")) {
            if (tools->isArray())
                tools->forEachElement(tool); // 1.4/1.5
            else
                tools->forEach("components", tool); // 1.6+
        }
        if (const auto component = metadata->get("component")) {
            model::Image &image = scan.image;
            image.name = std::string(component->str("name"));
            image.configDigest = propertyValue(*component, "aquasecurity:trivy:ImageID");
            component->forEach("properties", [&](const JsonNode &p) {
                const std::string_view name = p.str("name");
                if (name == "aquasecurity:trivy:RepoDigest")
                    addUnique(image.repoDigests, p.str("value"));
                else if (name == "aquasecurity:trivy:RepoTag")
                    addUnique(image.tags, p.str("value"));
                else if (name == "aquasecurity:trivy:DiffID") {
                    model::Layer layer;
                    layer.diffId = std::string(p.str("value"));
                    image.layers.push_back(std::move(layer));
                }
            });
            // Grype writes the image digest as the component version.
            const std::string_view version = component->str("version");
            if (image.configDigest.empty() && version.starts_with("sha256:"))
                image.configDigest = std::string(version);
            if (const auto nested = component->get("components"))
                collectComponents(*nested, components, image);
        }
    }
    if (const auto list = root.get("components"))
        collectComponents(*list, components, scan.image);

    root.forEach("vulnerabilities", [&](const JsonNode &v) {
        Finding base;
        base.vulnerabilityId = std::string(v.child("id").asString());
        std::string feed;
        if (const auto source = v.get("source"))
            feed = std::string(source->str("name"));
        v.forEach("ratings", [&](const JsonNode &r) {
            std::string source;
            if (const auto s = r.get("source"))
                source = std::string(s->str("name"));
            const std::string_view method = r.str("method");
            const std::string_view vector = r.str("vector");
            const auto score = r.number("score");
            // Pseudo-ratings: EPSS probability from FIRST, CISA KEV membership.
            if (source == "FIRST" || source == "EPSS" ||
                (method == "other" && source.find("EPSS") != std::string::npos)) {
                if (score)
                    base.epss = *score;
                return;
            }
            if (source.find("KEV") != std::string::npos) {
                base.knownExploited = true;
                return;
            }
            if (source.empty())
                source = feed.empty() ? std::string("cyclonedx") : feed;
            const std::string version = versionOfMethod(method, vector);
            if (!version.empty() && (!vector.empty() || score)) {
                model::CvssRecord c;
                c.source = source;
                c.version = version;
                c.vector = std::string(vector);
                c.baseTenths = score ? tenthsOf(*score) : -1;
                base.cvss.push_back(std::move(c));
            }
            const std::string_view severity = r.str("severity");
            if (!severity.empty()) {
                const bool known = std::any_of(base.severities.begin(),
                                               base.severities.end(),
                                               [&](const auto &s) { return s.source == source; });
                if (!known)
                    base.severities.push_back(
                        {source, model::severityFromWord(severity), std::string(severity)});
            }
        });
        base.description = std::string(v.str("description"));
        if (base.description.empty())
            base.description = std::string(v.str("detail"));
        v.forEach("advisories", [&](const JsonNode &a) { addUnique(base.urls, a.str("url")); });
        v.forEach("references", [&](const JsonNode &r) {
            const std::string_view id = r.str("id");
            if (id != base.vulnerabilityId)
                addUnique(base.aliases, id);
        });
        v.forEach("cwes", [&](const JsonNode &c) { addUnique(base.cwes, "CWE-" + c.asText()); });
        base.published = timestampOf(v.str("published"));
        base.lastModified = timestampOf(v.str("updated"));
        // Trivy has no structured fixed version: "Upgrade libidn2-0 to version 2.0.5-1+deb10u1".
        const std::string_view recommendation = v.str("recommendation");
        if (const std::size_t at = recommendation.find("to version "); at != std::string_view::npos)
            base.fixedVersions = splitList(recommendation.substr(at + 11), ',');
        if (const auto analysis = v.get("analysis")) {
            const std::string_view state = analysis->str("state");
            base.fixStateWord = std::string(state);
            if (state == "not_affected" || state == "false_positive") {
                base.fixState = model::FixState::NotAffected;
                base.suppressed = true;
            } else if (state == "in_triage") {
                base.fixState = model::FixState::UnderInvestigation;
            } else if (state == "resolved") {
                base.fixState = model::FixState::FixAvailable;
            }
        }
        if (base.fixState == model::FixState::Unknown && !base.fixedVersions.empty())
            base.fixState = model::FixState::FixAvailable;

        bool any = false;
        v.forEach("affects", [&](const JsonNode &a) {
            Finding f = base;
            const std::string ref(a.str("ref"));
            if (const auto it = components.find(ref); it != components.end()) {
                f.packageName = it->second.name;
                f.packageVersion = it->second.version;
                f.purl = it->second.purl;
                f.packageType = it->second.type;
                f.layerDiffId = it->second.layerDiffId;
            } else {
                f.packageName = ref; // an opaque reference to something outside this document
            }
            a.forEach("versions", [&](const JsonNode &ver) {
                if (ver.str("status") == "unaffected")
                    addUnique(f.fixedVersions, ver.str("version"));
                else if (f.packageVersion.empty())
                    f.packageVersion = std::string(ver.str("version"));
            });
            scan.findings.push_back(std::move(f));
            any = true;
        });
        if (!any)
            out.skip("vulnerabilities that affect no component");
    });
    if (scan.image.name.empty())
        scan.image.name = scan.image.configDigest.empty()
                              ? std::string("(unnamed CycloneDX document)")
                              : scan.image.configDigest;
    out.scans.push_back(std::move(scan));
}

} // namespace patchwise::ingest
