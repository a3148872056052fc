// SPDX-License-Identifier: GPL-3.0-or-later
#include "format.h"

namespace patchwise::ingest {

using simdjson::dom::element;
using simdjson::dom::element_type;

namespace {

bool hasKey(element e, std::string_view key)
{
    simdjson::dom::object o;
    if (e.get_object().get(o) != simdjson::SUCCESS)
        return false;
    element v;
    return o.at_key(key).get(v) == simdjson::SUCCESS;
}

std::string_view stringAt(element e, std::string_view key)
{
    simdjson::dom::object o;
    std::string_view s;
    if (e.get_object().get(o) != simdjson::SUCCESS ||
        o.at_key(key).get_string().get(s) != simdjson::SUCCESS)
        return {};
    return s;
}

bool isK8sKind(std::string_view kind)
{
    return kind == "Pod" || kind == "Service" || kind == "Ingress";
}

} // namespace

std::string_view formatKey(Format format)
{
    switch (format) {
    case Format::Unknown:
        return "unknown";
    case Format::Trivy:
        return "trivy";
    case Format::TrivyLegacy:
        return "trivy-legacy";
    case Format::TrivyK8s:
        return "trivy-k8s";
    case Format::TrivyOperator:
        return "trivy-operator";
    case Format::Grype:
        return "grype";
    case Format::CycloneDx:
        return "cyclonedx";
    case Format::Kubernetes:
        return "kubernetes";
    case Format::DockerInspect:
        return "docker-inspect";
    case Format::Kev:
        return "cisa-kev";
    case Format::Epss:
        return "first-epss";
    case Format::Sarif:
        return "sarif";
    case Format::Snyk:
        return "snyk";
    case Format::Clair:
        return "clair";
    case Format::Anchore:
        return "anchore";
    }
    return "unknown";
}

FormatKind kindOf(Format format)
{
    switch (format) {
    case Format::Unknown:
        return FormatKind::Unknown;
    case Format::Kubernetes:
    case Format::DockerInspect:
        return FormatKind::Inventory;
    case Format::Kev:
    case Format::Epss:
        return FormatKind::Feed;
    default:
        return FormatKind::Scan;
    }
}

std::string_view kindName(FormatKind kind)
{
    switch (kind) {
    case FormatKind::Scan:
        return "scanner report";
    case FormatKind::Inventory:
        return "inventory";
    case FormatKind::Feed:
        return "threat feed";
    case FormatKind::Unknown:
        break;
    }
    return "unknown";
}

bool isImportable(Format format)
{
    switch (format) {
    case Format::Trivy:
    case Format::TrivyLegacy:
    case Format::Grype:
    case Format::Kev:
    case Format::Epss:
    case Format::Kubernetes:
    case Format::DockerInspect:
    case Format::CycloneDx:
    case Format::TrivyK8s:
    case Format::TrivyOperator:
        return true;
    default:
        return false;
    }
}

Format detectJson(element root)
{
    if (root.type() == element_type::ARRAY) {
        simdjson::dom::array a = root.get_array().value_unsafe();
        for (element first : a) {
            if (hasKey(first, "Target") &&
                (hasKey(first, "Vulnerabilities") || hasKey(first, "Type")))
                return Format::TrivyLegacy;
            if (hasKey(first, "Id") &&
                (hasKey(first, "Config") || hasKey(first, "State") || hasKey(first, "RootFS")))
                return Format::DockerInspect;
            if (hasKey(first, "ImageID") && hasKey(first, "Names"))
                return Format::DockerInspect; // docker ps API list
            if (hasKey(first, "vulnerabilities") &&
                (hasKey(first, "packageManager") || hasKey(first, "projectName")))
                return Format::Snyk;
            break;
        }
        return Format::Unknown;
    }
    if (root.type() != element_type::OBJECT)
        return Format::Unknown;
    if (hasKey(root, "SchemaVersion") && (hasKey(root, "Results") || hasKey(root, "ArtifactName")))
        return Format::Trivy;
    if (hasKey(root, "ClusterName") &&
        (hasKey(root, "Resources") || hasKey(root, "Vulnerabilities")))
        return Format::TrivyK8s;
    const std::string_view kind = stringAt(root, "kind");
    if (kind == "VulnerabilityReport")
        return Format::TrivyOperator;
    if (hasKey(root, "matches") && (hasKey(root, "source") || hasKey(root, "descriptor")))
        return Format::Grype;
    if (stringAt(root, "bomFormat") == "CycloneDX")
        return Format::CycloneDx;
    if (isK8sKind(kind))
        return Format::Kubernetes;
    if (kind == "List" || kind.ends_with("List")) {
        simdjson::dom::array items;
        simdjson::dom::object o = root.get_object().value_unsafe();
        if (o.at_key("items").get_array().get(items) == simdjson::SUCCESS) {
            for (element item : items) {
                const std::string_view k = stringAt(item, "kind");
                if (k == "VulnerabilityReport")
                    return Format::TrivyOperator;
                if (isK8sKind(k))
                    return Format::Kubernetes;
            }
            if (items.size() == 0)
                return Format::Kubernetes; // an empty list from kubectl
        }
        return Format::Unknown;
    }
    if (hasKey(root, "Id") &&
        (hasKey(root, "Config") || hasKey(root, "State") || hasKey(root, "RootFS")))
        return Format::DockerInspect;
    if (hasKey(root, "catalogVersion") && hasKey(root, "vulnerabilities"))
        return Format::Kev;
    if (hasKey(root, "runs") && (hasKey(root, "$schema") || hasKey(root, "version")))
        return Format::Sarif;
    if (hasKey(root, "vulnerabilities") &&
        (hasKey(root, "packageManager") || hasKey(root, "projectName")))
        return Format::Snyk;
    if (hasKey(root, "manifest_hash") && hasKey(root, "vulnerabilities"))
        return Format::Clair;
    if (hasKey(root, "image") && hasKey(root, "unapproved"))
        return Format::Clair;
    if (hasKey(root, "imageFullTag") || hasKey(root, "securityEvaluation"))
        return Format::Anchore;
    return Format::Unknown;
}

bool looksLikeEpssCsv(std::string_view content)
{
    if (content.starts_with("#model_version") || content.starts_with("#"))
        return content.find("\ncve,epss") != std::string_view::npos ||
               content.starts_with("#model_version");
    return content.starts_with("cve,epss");
}

} // namespace patchwise::ingest
