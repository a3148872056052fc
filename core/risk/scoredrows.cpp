// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoredrows.h"

#include "model/triage.h"

#include <algorithm>
#include <cmath>

namespace patchwise::risk {

namespace {

// Severity as the filter language orders it: 0 unknown, 1 low (and negligible) … 4 critical.
double severityOrdinal(model::Severity s)
{
    switch (s) {
    case model::Severity::Unknown:
        return 0;
    case model::Severity::Negligible:
    case model::Severity::Low:
        return 1;
    case model::Severity::Medium:
        return 2;
    case model::Severity::High:
        return 3;
    case model::Severity::Critical:
        return 4;
    }
    return 0;
}

} // namespace

ScoredRows::ScoredRows(const Scoring &scoring)
    : m_scoring(scoring)
{
    for (const ImageFacts &image : scoring.facts().images) {
        std::string joined;
        for (const std::string &ns : image.namespaces)
            joined += (joined.empty() ? "" : " ") + ns;
        m_namespaces.push_back(std::move(joined));
    }
}

void ScoredRows::setBaseAttribution(std::vector<std::int8_t> inBase,
                                    std::vector<std::uint8_t> baseFix)
{
    m_inBase = std::move(inBase);
    m_baseFix = std::move(baseFix);
}

double ScoredRows::number(Field field, std::size_t f) const
{
    const Facts &facts = m_scoring.facts();
    const ImageFacts &image = facts.images[facts.image[f]];
    const VulnFacts &vuln = facts.vulns[facts.vuln[f]];
    switch (field) {
    case Field::Severity:
        return severityOrdinal(m_scoring.severity(f));
    case Field::Cvss:
        return m_scoring.cvssTenths(f) < 0 ? -1.0 : m_scoring.cvssTenths(f) / 10.0;
    case Field::Risk: // whole thousandths, as printed: `risk >= 5.369` matches 5.369
        return std::round(double(m_scoring.risk(f)) * 1000.0) / 1000.0;
    case Field::Rank:
        return m_scoring.rank(f);
    case Field::Epss: // stored as float; compared as the decimal it was read from
        return vuln.epss < 0 ? -1.0 : std::round(double(vuln.epss) * 1e6) / 1e6;
    case Field::Kev:
        return vuln.kev;
    case Field::Ransomware:
        return vuln.ransomware;
    case Field::Fixable:
        return (facts.flags[f] & Fixable) != 0;
    case Field::Exposed:
        return image.runningContainers > 0 && image.internetExposed;
    case Field::Privileged:
        return image.runningContainers > 0 && (image.privileged || image.hostNamespace);
    case Field::Root:
        return image.runsAsRoot == Tri::Yes;
    case Field::Shell:
        return image.shell != Tri::No;
    case Field::Running:
        return image.runningContainers > 0;
    case Field::Containers:
        return image.runningContainers;
    case Field::Days:
        return m_scoring.exposureDays(f);
    case Field::Breached:
        return m_scoring.slaBreached(f);
    case Field::Decision:
        return double(int(m_scoring.decision(f)));
    case Field::Suppressed:
        return (facts.flags[f] & Suppressed) != 0;
    case Field::Resolved:
        return (facts.flags[f] & Resolved) != 0;
    case Field::InBase:
        return f < m_inBase.size() && m_inBase[f] == 1;
    case Field::BaseFix:
        return f < m_baseFix.size() && m_baseFix[f] != 0;
    default:
        return 0;
    }
}

bool ScoredRows::ordinalKeys(Field field,
                             std::span<const std::uint32_t> rows,
                             std::span<std::uint64_t> out) const
{
    // Each key orders and ties exactly as number() does; tst_filter checks every field
    // against the double path.
    const Facts &facts = m_scoring.facts();
    const auto fill = [&](auto key) {
        for (std::size_t i = 0; i < rows.size(); ++i)
            out[i] = std::uint64_t(key(std::size_t(rows[i])));
        return true;
    };
    const auto image = [&](std::size_t f) -> const ImageFacts & {
        return facts.images[facts.image[f]];
    };
    switch (field) {
    case Field::Severity:
        return fill([&](std::size_t f) { return severityOrdinal(m_scoring.severity(f)); });
    case Field::Cvss: // -1 (none) → 0, tenths + 1 otherwise
        return fill([&](std::size_t f) { return std::max<int>(m_scoring.cvssTenths(f), -1) + 1; });
    case Field::Risk:
        return fill(
            [&](std::size_t f) { return std::llround(double(m_scoring.risk(f)) * 1000.0); });
    case Field::Rank:
        return fill([&](std::size_t f) { return m_scoring.rank(f); });
    case Field::Epss:
        return fill([&](std::size_t f) {
            const float e = facts.vulns[facts.vuln[f]].epss;
            return e < 0 ? 0 : std::llround(double(e) * 1e6) + 1;
        });
    case Field::Kev:
        return fill([&](std::size_t f) { return facts.vulns[facts.vuln[f]].kev ? 1 : 0; });
    case Field::Containers:
        return fill([&](std::size_t f) { return image(f).runningContainers; });
    case Field::Days: // whole seconds exposed
        return fill(
            [&](std::size_t f) { return std::llround(m_scoring.exposureDays(f) * 86400.0); });
    case Field::Decision:
        return fill([&](std::size_t f) { return int(m_scoring.decision(f)); });
    default:
        return false;
    }
}

std::string_view ScoredRows::text(Field field, std::size_t f) const
{
    const Facts &facts = m_scoring.facts();
    switch (field) {
    case Field::Image:
        return facts.images[facts.image[f]].name;
    case Field::Digest:
        return facts.images[facts.image[f]].digest;
    case Field::Vuln:
        return facts.vulns[facts.vuln[f]].id;
    case Field::Package:
        return facts.strings[facts.package[f]];
    case Field::Version:
        return facts.strings[facts.version[f]];
    case Field::Type:
        return facts.strings[facts.packageType[f]];
    case Field::Source:
        return m_scoring.severitySource(f);
    case Field::Namespace:
        return m_namespaces[facts.image[f]];
    case Field::Fix:
        return facts.strings[facts.fixedVersions[f]];
    case Field::Triage:
        return model::triageStateName(model::TriageState(
            f < facts.triage.size()
                ? std::min<int>(facts.triage[f] & 0x7f, model::TriageStateCount - 1)
                : 0));
    default:
        return {};
    }
}

std::int64_t ScoredRows::textKey(Field field, std::size_t f) const
{
    const Facts &facts = m_scoring.facts();
    switch (field) {
    case Field::Image:
    case Field::Digest:
    case Field::Namespace:
        return facts.image[f];
    case Field::Vuln:
        return facts.vuln[f];
    case Field::Package:
        return facts.package[f];
    case Field::Version:
        return facts.version[f];
    case Field::Type:
        return facts.packageType[f];
    case Field::Fix:
        return facts.fixedVersions[f];
    case Field::Triage:
        return f < facts.triage.size() ? facts.triage[f] & 0x7f : 0;
    default:
        return -1;
    }
}

FindingRisk findingRisk(const Scoring &scoring, std::size_t f)
{
    const Facts &facts = scoring.facts();
    const ImageFacts &image = facts.images[facts.image[f]];
    const bool running = image.runningContainers > 0;
    FindingRisk r;
    r.effectiveSeverity = std::string(model::severityKey(scoring.severity(f)));
    r.severitySource = std::string(scoring.severitySource(f));
    r.cvss = scoring.cvss(f);
    if (r.cvss.record >= 0)
        r.cvssSource = facts.sources[r.cvss.source];
    r.riskScore = scoring.risk(f);
    r.factors = scoring.breakdown(f);
    r.rank = scoring.isOpen(f) ? scoring.rank(f) : 0; // closed findings are not ranked
    r.decision = std::string(decisionName(scoring.decision(f)));
    if (f < facts.triage.size()) {
        const std::uint8_t t = facts.triage[f];
        r.triageState = std::string(model::triageStateName(
            model::TriageState(std::min<int>(t & 0x7f, model::TriageStateCount - 1))));
        r.triageExpired = (t & TriageExpired) != 0;
    }
    r.fixable = (facts.flags[f] & Fixable) != 0;
    r.ransomware = facts.vulns[facts.vuln[f]].ransomware;
    r.namespaces = image.namespaces;
    r.internetExposed = running && image.internetExposed;
    if (r.internetExposed)
        r.exposureReasons = image.exposureReasons;
    r.privileged = running && (image.privileged || image.hostNamespace);
    r.runsAsRoot = image.runsAsRoot;
    r.shell = image.shell;
    r.exposureDays = scoring.exposureDays(f);
    r.slaDue = scoring.slaDue(f);
    r.slaBreached = scoring.slaBreached(f);
    return r;
}

} // namespace patchwise::risk
