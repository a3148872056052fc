// SPDX-License-Identifier: GPL-3.0-or-later
#include "fields.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace patchwise::risk {

namespace {

constexpr std::array<std::string_view, 1> sevAliases = {"sev"};
constexpr std::array<std::string_view, 1> riskAliases = {"score"};
constexpr std::array<std::string_view, 2> kevAliases = {"exploited", "knownexploited"};
constexpr std::array<std::string_view, 1> exposedAliases = {"internet"};
constexpr std::array<std::string_view, 1> breachedAliases = {"overdue"};
constexpr std::array<std::string_view, 1> decisionAliases = {"ssvc"};
constexpr std::array<std::string_view, 2> vulnAliases = {"cve", "id"};
constexpr std::array<std::string_view, 1> packageAliases = {"pkg"};
constexpr std::array<std::string_view, 1> namespaceAliases = {"ns"};

using T = FieldType;
using F = Field;

// One entry per Field, in enum order (checked by the static_assert below).
constexpr std::array<FieldInfo, FieldCount> infos = {{
    {F::Severity,
     T::Severity,
     "severity",
     "effectiveSeverity",
     sevAliases,
     "effective severity: critical, high, medium, low or unknown"},
    {F::Cvss, T::Number, "cvss", "effectiveCvss", {}, "effective CVSS score 0-10; -1 when none"},
    {F::Risk, T::Number, "risk", "riskScore", riskAliases, "risk score 0-10"},
    {F::Rank, T::Number, "rank", "rank", {}, "fix-order rank; 1 = fix first"},
    {F::Epss, T::Number, "epss", "epss", {}, "EPSS exploit probability 0-1; -1 when unknown"},
    {F::Kev, T::Bool, "kev", "kev", kevAliases, "listed in CISA KEV or reported as exploited"},
    {F::Ransomware, T::Bool, "ransomware", "ransomware", {}, "KEV lists known ransomware use"},
    {F::Fixable, T::Bool, "fixable", "fixable", {}, "a fixed version exists"},
    {F::Exposed,
     T::Bool,
     "exposed",
     "internetExposed",
     exposedAliases,
     "a running container of the image is reachable from the internet"},
    {F::Privileged,
     T::Bool,
     "privileged",
     "privileged",
     {},
     "a running container is privileged or shares a host namespace"},
    {F::Root,
     T::Bool,
     "root",
     "runsAsRoot",
     {},
     "runs as root: a running container, or the image's configured user when none runs"},
    {F::Shell, T::Bool, "shell", "shell", {}, "the image has a shell (true when unknown)"},
    {F::Running, T::Bool, "running", "running", {}, "the image has running containers"},
    {F::Containers,
     T::Number,
     "containers",
     "runningContainers",
     {},
     "number of running containers of the image"},
    {F::Days,
     T::Number,
     "days",
     "exposureDays",
     {},
     "days a vulnerable container has been running since first seen"},
    {F::Breached, T::Bool, "breached", "slaBreached", breachedAliases, "the SLA due date passed"},
    {F::Decision,
     T::Decision,
     "decision",
     "decision",
     decisionAliases,
     "SSVC decision: act, attend, track* or track"},
    {F::Image, T::Text, "image", "image", {}, "image name"},
    {F::Digest, T::Text, "digest", "imageDigest", {}, "image config digest"},
    {F::Vuln, T::Text, "vuln", "vulnerability", vulnAliases, "vulnerability id (CVE, GHSA, ...)"},
    {F::Package, T::Text, "package", "package", packageAliases, "package name"},
    {F::Version, T::Text, "version", "installedVersion", {}, "installed package version"},
    {F::Type, T::Text, "type", "packageType", {}, "package type (deb, npm, ...)"},
    {F::Source, T::Text, "source", "severitySource", {}, "where the effective severity came from"},
    {F::Namespace,
     T::Text,
     "namespace",
     "namespace",
     namespaceAliases,
     "namespaces the image runs in, space separated"},
    {F::Fix, T::Text, "fix", "fixedVersions", {}, "fixed versions, space separated"},
    {F::Suppressed, T::Bool, "suppressed", "suppressed", {}, "the scanner marked it suppressed"},
    {F::Resolved,
     T::Bool,
     "resolved",
     "resolved",
     {},
     "no longer reported by the latest scan of its image"},
    {F::InBase,
     T::Bool,
     "inbase",
     "inBaseImage",
     {},
     "the package sits in a base-image layer (no when unknown)"},
    {F::BaseFix, T::Bool, "basefix", "baseImageFix", {}, "updating the base image fixes it"},
    {F::Triage,
     T::Text,
     "triage",
     "triageState",
     {},
     "the analyst's decision: new, in-triage, exploitable, risk-accepted, false-positive, "
     "not-affected, fixed"},
}};

constexpr bool inEnumOrder()
{
    for (int i = 0; i < FieldCount; ++i) {
        if (infos[static_cast<std::size_t>(i)].field != static_cast<Field>(i))
            return false;
    }
    return true;
}
static_assert(inEnumOrder(), "risk::infos must list every Field in enum order");

constexpr char foldAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c;
}

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return foldAscii(x) == foldAscii(y);
           });
}

// Case-insensitive Levenshtein distance.
std::size_t editDistance(std::string_view a, std::string_view b)
{
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t subst =
                prev[j - 1] + (foldAscii(a[i - 1]) == foldAscii(b[j - 1]) ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, subst});
        }
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

} // namespace

std::span<const FieldInfo> fieldInfos()
{
    return infos;
}

const FieldInfo &fieldInfo(Field field)
{
    return infos[static_cast<std::size_t>(field)];
}

const FieldInfo *findField(std::string_view name)
{
    for (const FieldInfo &info : infos) {
        if (equalsIgnoringCase(name, info.name) || equalsIgnoringCase(name, info.jsonName))
            return &info;
        for (std::string_view alias : info.aliases) {
            if (equalsIgnoringCase(name, alias))
                return &info;
        }
    }
    return nullptr;
}

std::string_view suggestFieldName(std::string_view name)
{
    if (name.empty())
        return {};
    const std::size_t limit = name.size() <= 3 ? 1 : 2;
    std::string_view best;
    std::size_t bestDistance = limit + 1;
    auto consider = [&](std::string_view candidate) {
        const std::size_t d = editDistance(name, candidate);
        if (d < bestDistance) {
            bestDistance = d;
            best = candidate;
        }
    };
    for (const FieldInfo &info : infos) {
        consider(info.name);
        consider(info.jsonName);
        for (std::string_view alias : info.aliases)
            consider(alias);
    }
    return best;
}

} // namespace patchwise::risk
