// SPDX-License-Identifier: GPL-3.0-or-later
// Kubernetes-side Trivy output: `trivy k8s --format json` cluster reports (current
// Resources[] and the older Vulnerabilities[] summary) and trivy-operator
// VulnerabilityReport objects (formats.md §2.7).

#include "readers.h"

#include <map>

namespace patchwise::ingest {

namespace {

// "docker.io/redis:6.0.5 (debian 10.4)" → image "docker.io/redis:6.0.5", family "debian",
// version "10.4".
void splitTarget(std::string_view target,
                 std::string &image,
                 std::string &family,
                 std::string &version)
{
    const std::size_t paren = target.rfind(" (");
    if (paren == std::string_view::npos || !target.ends_with(")")) {
        image = std::string(target);
        return;
    }
    image = std::string(target.substr(0, paren));
    const std::string_view os = target.substr(paren + 2, target.size() - paren - 3);
    const std::size_t space = os.find(' ');
    family = std::string(os.substr(0, space));
    if (space != std::string_view::npos)
        version = std::string(os.substr(space + 1));
}

void readResources(const JsonNode &resources, FileRead &out)
{
    // Scans keyed by image name: the same image in several workloads is one scan.
    std::map<std::string, std::size_t> scanOf;
    resources.forEachElement([&](const JsonNode &resource) {
        if (resource.has("Error") && !resource.has("Results")) {
            out.skip("resources Trivy could not scan");
            return;
        }
        std::size_t current = std::size_t(-1);
        resource.forEach("Results", [&](const JsonNode &result) {
            const std::string_view cls = result.str("Class");
            if (cls == "config" || cls == "secret" || cls == "license" || cls == "license-file") {
                out.skip(std::string(cls) + " results (not vulnerabilities)");
                return;
            }
            const std::string_view target = result.str("Target");
            if (cls == "os-pkgs" || target.find(" (") != std::string_view::npos ||
                current == std::size_t(-1)) {
                std::string image, family, version;
                splitTarget(target, image, family, version);
                if (cls != "os-pkgs" && target.find(" (") == std::string_view::npos)
                    image = std::string(resource.str("Namespace")) + "/" +
                            std::string(resource.str("Kind")) + "/" +
                            std::string(resource.str("Name")) + ":" + std::string(target);
                auto [it, fresh] = scanOf.try_emplace(image, out.scans.size());
                if (fresh) {
                    model::Scan scan;
                    scan.scanner = "trivy";
                    scan.image.name = image;
                    scan.image.osFamily = family;
                    scan.image.osVersion = version;
                    out.scans.push_back(std::move(scan));
                }
                current = it->second;
            }
            model::Scan &scan = out.scans[current];
            const std::string type(result.str("Type"));
            result.forEach("Vulnerabilities", [&](const JsonNode &v) {
                model::Finding f = readTrivyVulnerability(v, type);
                // One image in several workloads reports the same findings again.
                for (const model::Finding &seen : scan.findings)
                    if (seen.vulnerabilityId == f.vulnerabilityId &&
                        seen.packageName == f.packageName &&
                        seen.packageVersion == f.packageVersion)
                        return;
                scan.findings.push_back(std::move(f));
            });
        });
    });
}

void readOperatorReport(const JsonNode &object, FileRead &out)
{
    const JsonNode report = object.child("report");
    model::Scan scan;
    scan.scanner = "trivy";
    if (const auto scanner = report.get("scanner"))
        scan.scannerVersion = std::string(scanner->str("version"));
    scan.scannedAt = timestampOf(report.str("updateTimestamp"));
    std::string server;
    if (const auto registry = report.get("registry"))
        server = std::string(registry->str("server"));
    if (const auto artifact = report.get("artifact")) {
        std::string name = std::string(artifact->str("repository"));
        if (!server.empty())
            name = server + "/" + name;
        const std::string_view tag = artifact->str("tag");
        const std::string_view digest = artifact->str("digest");
        if (!digest.empty())
            addUnique(scan.image.repoDigests, name + "@" + std::string(digest));
        if (!tag.empty())
            name += ":" + std::string(tag);
        scan.image.name = name;
        addUnique(scan.image.tags, name);
    }
    if (const auto os = report.get("os")) {
        scan.image.osFamily = std::string(os->str("family"));
        scan.image.osVersion = std::string(os->str("name"));
    }
    report.forEach("vulnerabilities", [&](const JsonNode &v) {
        model::Finding f;
        f.vulnerabilityId = std::string(v.child("vulnerabilityID").asString());
        f.packageName = std::string(v.str("resource"));
        f.packageVersion = std::string(v.str("installedVersion"));
        f.packagePath = std::string(v.str("target"));
        f.fixedVersions = splitList(v.str("fixedVersion"));
        f.fixState =
            f.fixedVersions.empty() ? model::FixState::Unknown : model::FixState::FixAvailable;
        const std::string_view severity = v.str("severity");
        if (!severity.empty())
            f.severities.push_back(
                {"trivy", model::severityFromWord(severity), std::string(severity), true});
        // The score's source is not recorded (it can disagree with the severity).
        if (const auto score = v.number("score")) {
            model::CvssRecord c;
            c.source = "trivy-operator";
            c.baseTenths = tenthsOf(*score);
            f.cvss.push_back(std::move(c));
        }
        f.title = std::string(v.str("title"));
        addUnique(f.urls, v.str("primaryLink"));
        v.forEach("links", [&](const JsonNode &l) { addUnique(f.urls, l.asString()); });
        scan.findings.push_back(std::move(f));
    });
    out.scans.push_back(std::move(scan));
}

} // namespace

void readTrivyK8s(const JsonNode &root, FileRead &out)
{
    if (const auto resources = root.get("Resources"))
        readResources(*resources, out);
    if (const auto older = root.get("Vulnerabilities"))
        readResources(*older, out);
    if (root.has("Misconfigurations"))
        out.skip("misconfiguration resources (not vulnerabilities)");
}

void readTrivyOperator(const JsonNode &root, FileRead &out)
{
    if (root.has("items"))
        root.child("items").forEachElement([&](const JsonNode &item) {
            if (item.str("kind") == "VulnerabilityReport")
                readOperatorReport(item, out);
            else
                out.skip("objects that are not VulnerabilityReports");
        });
    else
        readOperatorReport(root, out);
}

} // namespace patchwise::ingest
