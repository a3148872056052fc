// SPDX-License-Identifier: GPL-3.0-or-later
// The risk engine (core/risk/engine.*) and its policy (core/risk/policy.*): the breakdown
// adds up, the formula of Scoring::factors() re-derived from the inputs, dominance and
// monotonicity on a seeded synthetic fleet, per-policy-value isolation ("changing one value
// changes only what it should"), severity and CVSS source choice, environmental overrides
// and their scopes, SSVC decisions, SLA dates, image grades, the severity matrix, and
// policy parsing (presets, round trip, error paths).
//
// Facts are built in memory (no database). Expected values are derived by hand from the
// documented rules; CVSS scores of hand-edited vectors come from the cvss library, which
// has its own test suite.

#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"
#include "risk/engine.h"
#include "risk/facts.h"
#include "risk/policy.h"
#include "risk/scoredrows.h"
#include "risk/sortspec.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>
#include <QTest>
#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <vector>

using namespace patchwise;
using namespace patchwise::risk;
using model::Severity;

namespace {

constexpr std::int64_t kDay = 86400;
constexpr std::int64_t kNow = 1'750'000'000; // 2025-06-15, the analysis time of every fixture

// Vectors with hand-known base scores (v3.1 formula worked through on paper).
constexpr const char *kV31N73 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:L"; // 7.3
constexpr const char *kV31N75 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N"; // 7.5
constexpr const char *kV31N98 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"; // 9.8
constexpr const char *kV31N65 = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N"; // 6.5
constexpr const char *kV31L78 = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"; // 7.8
constexpr const char *kV31L33 = "CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"; // 3.3
constexpr const char *kV30L33 = "CVSS:3.0/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N"; // 3.3
constexpr const char *kV40N93 = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
constexpr const char *kV2N75 = "AV:N/AC:L/Au:N/C:P/I:P/A:P"; // 7.5

int milli(double points)
{
    return int(std::lround(points * 1000.0));
}

cvss::Vector parseVector(std::string_view text)
{
    auto parsed = cvss::Vector::parse(text);
    if (!parsed)
        qFatal("bad test vector %s: %s", std::string(text).c_str(), parsed.error().c_str());
    return *parsed;
}

// The environmental score of a hand-edited vector, computed by the cvss library.
std::int16_t envOf(std::string_view text)
{
    return cvss::environmentalScore(parseVector(text));
}

struct FindingSpec
{
    std::uint32_t image = 0;
    std::uint32_t vuln = 0;
    Severity scannerPick = Severity::Unknown;
    std::uint8_t flags = 0; // FindingFlag bits (Fixable, Suppressed, Resolved)
    std::int64_t firstSeen = kNow - 10 * kDay;
    bool languagePackage = false;
};

// Builds a Facts table by hand, filling every per-finding column.
class Builder
{
public:
    Facts facts;

    Builder() { facts.now = kNow; }

    std::uint16_t src(std::string_view name) { return facts.sourceIndex(name); }

    std::uint32_t image(ImageFacts image = {})
    {
        image.id = std::int64_t(facts.images.size()) + 1;
        if (image.name.empty())
            image.name = "registry.example/app" + std::to_string(image.id) + ":1";
        facts.images.push_back(std::move(image));
        return std::uint32_t(facts.images.size() - 1);
    }

    // An image running `containers` containers, with the OS vendor `vendor` ("" = none).
    std::uint32_t
    runningImage(int containers, bool exposed = false, std::string_view vendor = "debian")
    {
        ImageFacts i;
        i.runningContainers = containers;
        i.internetExposed = exposed;
        i.runsAsRoot = Tri::No;
        i.shell = Tri::Yes;
        i.vendorSource = vendor.empty() ? 0 : src(vendor);
        return image(std::move(i));
    }

    // An image that does not run, with the OS vendor `vendor`.
    std::uint32_t vendorImage(std::string_view vendor)
    {
        ImageFacts i;
        i.vendorSource = src(vendor);
        return image(std::move(i));
    }

    std::uint32_t vuln(VulnFacts v = {})
    {
        if (v.id.empty())
            v.id = "CVE-2024-" + std::to_string(10000 + facts.vulns.size());
        facts.vulns.push_back(std::move(v));
        return std::uint32_t(facts.vulns.size() - 1);
    }

    void rate(std::uint32_t vuln, std::string_view source, Severity severity)
    {
        const std::uint16_t s = src(source);
        facts.vulns[vuln].ratings.push_back(RatingFact{s, severity});
    }

    std::int16_t cvss(std::uint32_t vuln, std::string_view source, std::string_view text)
    {
        const std::uint16_t s = src(source);
        const cvss::Vector v = parseVector(text);
        const std::int16_t base = cvss::score(v).base;
        facts.vulns[vuln].cvss.push_back(CvssFact{s, v, base, facts.intern(text)});
        return base;
    }

    std::uint32_t context(std::uint32_t vuln, std::uint16_t vendor, Severity pick)
    {
        const auto key = std::make_tuple(vuln, vendor, pick);
        const auto it = m_contexts.find(key);
        if (it != m_contexts.end())
            return it->second;
        facts.contexts.push_back(RatingContext{vuln, vendor, pick});
        const auto index = std::uint32_t(facts.contexts.size() - 1);
        m_contexts.emplace(key, index);
        return index;
    }

    std::size_t finding(const FindingSpec &spec)
    {
        const std::uint16_t vendor =
            spec.languagePackage ? src("ghsa") : facts.images[spec.image].vendorSource;
        const bool fixable = (spec.flags & Fixable) != 0;
        facts.findingId.push_back(std::int64_t(1000 + facts.size()));
        facts.image.push_back(spec.image);
        facts.vuln.push_back(spec.vuln);
        facts.context.push_back(context(spec.vuln, vendor, spec.scannerPick));
        facts.package.push_back(facts.intern(spec.languagePackage ? "lodash" : "openssl"));
        facts.version.push_back(facts.intern("1.0.0"));
        facts.packageType.push_back(facts.intern(spec.languagePackage ? "npm" : "deb"));
        facts.fixedVersions.push_back(facts.intern(fixable ? "1.0.1 1.1.0" : ""));
        facts.fixState.push_back(
            std::uint8_t(fixable ? model::FixState::FixAvailable : model::FixState::NoFixYet));
        facts.flags.push_back(
            std::uint8_t(spec.flags | (spec.languagePackage ? LanguagePackage : 0)));
        facts.firstSeen.push_back(spec.firstSeen);
        facts.resolvedAt.push_back((spec.flags & Resolved) ? kNow - kDay : 0);
        return facts.size() - 1;
    }

private:
    std::map<std::tuple<std::uint32_t, std::uint16_t, Severity>, std::uint32_t> m_contexts;
};

Policy parsed(const char *json)
{
    auto p = parsePolicy(json);
    if (!p)
        qFatal("bad test policy: %s", p.error().c_str());
    return *p;
}

int breakdownMilli(const Scoring &s, std::size_t f, Factor k)
{
    return milli(s.breakdown(f)[std::size_t(k)]);
}

// ---------------------------------------------------------------------------------------
// The synthetic fleet: vectors with hand-annotated properties.

enum Av
{
    AvN,
    AvA,
    AvL,
    AvP,
    AvNone,
};

struct VectorSpec
{
    const char *text;
    int av;
    bool hostReach;   // total C+I impact, or a scope change
    bool automatable; // network, low complexity, no privileges, no interaction
    bool totalImpact; // C and I high (v2: complete)
};

constexpr VectorSpec kVectors[] = {
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", AvN, true, true, true},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", AvN, false, true, false},
    {"CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N", AvN, false, false, false},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:L/A:N", AvN, true, true, false},
    {"CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:N/I:N/A:L", AvN, false, false, false},
    {"CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", AvN, true, false, true},
    {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H", AvL, true, false, true},
    {"CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:L/I:N/A:N", AvL, false, false, false},
    {"CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", AvA, true, false, true},
    {"CVSS:3.1/AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N", AvP, false, false, false},
    {"AV:N/AC:L/Au:N/C:P/I:P/A:P", AvN, false, true, false},
    {"AV:N/AC:L/Au:N/C:C/I:C/A:C", AvN, true, true, true},
    {"CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N", AvN, true, true, true},
    {"CVSS:4.0/AV:L/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N", AvL, false, false, false},
};
constexpr int kVectorCount = int(std::size(kVectors));

struct Fleet
{
    Builder b;
    std::vector<int> vectorOf; // per vulnerability: index into kVectors, -1 = no CVSS

    const Facts &facts() const { return b.facts; }
};

Fleet makeFleet(std::uint32_t seed, int images, int vulns, int findings)
{
    std::mt19937 rng(seed); // the engine's output is standardised; no <random> distributions
    const auto pick = [&](std::uint32_t n) { return std::uint32_t(rng() % n); };
    Fleet fl;
    Builder &b = fl.b;
    const std::uint16_t debian = b.src("debian"), redhat = b.src("redhat");
    b.src("nvd");
    static constexpr int containers[] = {0, 0, 0, 1, 2, 5, 20, 50};
    for (int i = 0; i < images; ++i) {
        ImageFacts im;
        im.runningContainers = containers[pick(8)];
        im.internetExposed = pick(3) == 0;
        im.privileged = pick(10) == 0;
        im.hostNamespace = pick(20) == 0;
        im.runsAsRoot = Tri(pick(3));
        im.shell = Tri(pick(3));
        im.runningSince = im.runningContainers > 0 && pick(4) == 0
                              ? kNow - std::int64_t(pick(100) + 1) * kDay
                              : 0;
        const std::uint32_t vendor = pick(3);
        im.vendorSource = vendor == 0 ? debian : vendor == 1 ? redhat : 0;
        static const char *const spaces[] = {"dev", "prod", "shop", "staging"};
        for (const char *ns : spaces)
            if (pick(3) == 0)
                im.namespaces.emplace_back(ns); // sorted, as the loader keeps them
        static const char *const repos[] = {"docker.io/library/nginx", "ghcr.io/acme/api"};
        im.repositories.emplace_back(repos[pick(2)]);
        b.image(std::move(im));
    }
    static constexpr float epss[] = {-1.0f, 0.0f, 0.01f, 0.05f, 0.2f, 0.45f, 0.9f};
    for (int i = 0; i < vulns; ++i) {
        VulnFacts v;
        v.kev = pick(6) == 0;
        v.ransomware = v.kev && pick(2) == 0;
        v.kevDueDate = v.kev ? kNow + (std::int64_t(pick(60)) - 30) * kDay : 0;
        v.epss = epss[pick(7)];
        v.published = kNow - std::int64_t(pick(1000)) * kDay;
        const std::uint32_t vuln = b.vuln(std::move(v));
        const int spec = int(pick(std::uint32_t(kVectorCount) + 2)) - 2; // some without CVSS
        fl.vectorOf.push_back(spec < 0 ? -1 : spec);
        if (spec >= 0)
            b.cvss(vuln, "nvd", kVectors[spec].text);
        if (pick(2) == 0)
            b.rate(vuln, "debian", Severity(pick(6)));
        if (pick(2) == 0)
            b.rate(vuln, "redhat", Severity(pick(6)));
        if (pick(4) == 0)
            b.rate(vuln, "nvd", Severity(pick(6)));
    }
    static constexpr int ages[] = {0, 3, 10, 45, 120, 400};
    for (int i = 0; i < findings; ++i) {
        FindingSpec f;
        f.image = pick(std::uint32_t(images));
        f.vuln = pick(std::uint32_t(vulns));
        f.scannerPick = pick(2) == 0 ? Severity(pick(6)) : Severity::Unknown;
        f.flags = pick(2) == 0 ? Fixable : 0;
        const std::uint32_t state = pick(20);
        if (state < 2)
            f.flags |= Resolved;
        else if (state == 2)
            f.flags |= Suppressed;
        const int age = ages[pick(6)];
        f.firstSeen = age == 0 ? 0 : kNow - std::int64_t(age) * kDay;
        b.finding(f);
    }
    return fl;
}

const Fleet &standardFleet()
{
    static const Fleet fleet = makeFleet(20240611, 20, 120, 300);
    return fleet;
}

// ---------------------------------------------------------------------------------------
// The rules, re-derived from the inputs (vendor-first severity, the first CVSS record).

std::uint16_t sourceNamed(const Facts &facts, std::string_view name)
{
    for (std::size_t i = 1; i < facts.sources.size(); ++i)
        if (facts.sources[i] == name)
            return std::uint16_t(i);
    return 0;
}

// The rating a CVSS base score stands for when no source rates the vulnerability: the
// FIRST v3 bands for every version (v2 included, which has no Critical of its own).
Severity bandOf(const CvssFact &c)
{
    switch (cvss::severityOf(cvss::Version::V3_1, c.baseTenths)) {
    case cvss::Severity::None:
        return Severity::Unknown;
    case cvss::Severity::Low:
        return Severity::Low;
    case cvss::Severity::Medium:
        return Severity::Medium;
    case cvss::Severity::High:
        return Severity::High;
    case cvss::Severity::Critical:
        return Severity::Critical;
    }
    return Severity::Unknown;
}

// Vendor-first: the vendor's rating, the scanner's pick, NVD's rating, the CVSS band.
Severity expectedSeverity(const Facts &facts, std::size_t f)
{
    const VulnFacts &v = facts.vulns[facts.vuln[f]];
    const RatingContext &ctx = facts.contexts[facts.context[f]];
    const auto rated = [&](std::uint16_t source) {
        if (source != 0)
            for (const RatingFact &r : v.ratings)
                if (r.source == source)
                    return r.severity;
        return Severity::Unknown;
    };
    if (const Severity s = rated(ctx.vendorSource); s != Severity::Unknown)
        return s;
    if (ctx.scannerPick != Severity::Unknown)
        return ctx.scannerPick;
    if (const Severity s = rated(sourceNamed(facts, "nvd")); s != Severity::Unknown)
        return s;
    if (!v.cvss.empty())
        return bandOf(v.cvss.front());
    return Severity::Unknown;
}

// The score the finding's CVSS contributes (tenths), -1 without CVSS; no overrides.
int expectedCvssTenths(const Facts &facts, std::size_t f)
{
    const VulnFacts &v = facts.vulns[facts.vuln[f]];
    if (v.cvss.empty())
        return -1;
    const int env = cvss::environmentalScore(v.cvss.front().vector);
    return env >= 0 ? env : v.cvss.front().baseTenths;
}

bool isOpenFinding(const Facts &facts, std::size_t f)
{
    return (facts.flags[f] & (Resolved | Suppressed)) == 0;
}

double expectedExposureDays(const Facts &facts, std::size_t f)
{
    const ImageFacts &im = facts.images[facts.image[f]];
    if (im.runningContainers == 0 || !isOpenFinding(facts, f))
        return 0;
    const std::int64_t start = std::max(facts.firstSeen[f], im.runningSince);
    if (start <= 0 || facts.now <= start)
        return 0;
    return double(facts.now - start) / double(kDay);
}

// The factor inputs of a finding, as the dominance test compares them.
struct Inputs
{
    double rating = 0; // the policy's value of the effective severity
    int cvss = -1;     // tenths
    int kev = 0;       // 0 no, 1 KEV, 2 KEV with ransomware
    double epss = 0;
    bool exposed = false; // running and internet exposed
    int containers = 0;
    double privilege = 0;
    double days = 0;
    int av = AvNone;
    bool shellNo = false;
    bool open = true;
};

Inputs inputsOf(const Fleet &fl, std::size_t f, const Policy &p)
{
    const Facts &facts = fl.facts();
    const VulnFacts &v = facts.vulns[facts.vuln[f]];
    const ImageFacts &im = facts.images[facts.image[f]];
    const int spec = fl.vectorOf[facts.vuln[f]];
    Inputs in;
    in.rating = p.ratingValues[std::size_t(expectedSeverity(facts, f))];
    in.cvss = expectedCvssTenths(facts, f);
    in.kev = v.kev ? (v.ransomware ? 2 : 1) : 0;
    in.epss = v.epss > 0 ? std::min(1.0, double(v.epss)) : 0.0;
    in.containers = im.runningContainers;
    in.exposed = im.runningContainers > 0 && im.internetExposed;
    if (im.runningContainers > 0) {
        const double level = im.privileged || im.hostNamespace ? 1.0
                             : im.runsAsRoot == Tri::Yes       ? 0.5
                             : im.runsAsRoot == Tri::Unknown   ? 0.25
                                                               : 0.0;
        // Three quarters of it when the vulnerability cannot reach beyond the container.
        const bool hostReach = spec < 0 || kVectors[spec].hostReach;
        in.privilege = level * (hostReach ? 1.0 : 0.75);
    }
    in.days = expectedExposureDays(facts, f);
    in.av = spec < 0 ? AvNone : kVectors[spec].av;
    in.shellNo = im.shell == Tri::No;
    in.open = isOpenFinding(facts, f);
    return in;
}

// The band of a CVSS score (tenths) on the FIRST v3 scale: -1 none, 0 for 0.0, 1 low
// (0.1–3.9), 2 medium (4.0–6.9), 3 high (7.0–8.9), 4 critical (9.0–10).
int tenthsBand(int tenths)
{
    return tenths < 0    ? -1
           : tenths == 0 ? 0
           : tenths < 40 ? 1
           : tenths < 70 ? 2
           : tenths < 90 ? 3
                         : 4;
}

// The policy's value of a score's band, the band taken on the FIRST v3 scale for every CVSS
// version (so a v2 9.3 is critical); a score of 0.0 is worth 0, not the unknown rating's value.
double bandValue(int tenths, const Policy &p)
{
    static constexpr Severity bands[] = {
        Severity::Low, Severity::Medium, Severity::High, Severity::Critical};
    const int band = tenthsBand(tenths);
    return band <= 0 ? 0.0 : p.ratingValues[std::size_t(bands[band - 1])];
}

// The CVSS part C of the severity factor: the environmental score and its band's value,
// counted equally; the rating's value R when there is no CVSS.
double cvssPart(int tenths, double rating, const Policy &p)
{
    return tenths >= 0 ? (tenths / 10.0 + bandValue(tenths, p)) / 2 : rating;
}

// Factor values (0–1) by the documented formula.
std::array<double, FactorCount> referenceValues(const Fleet &fl, std::size_t f, const Policy &p)
{
    const Inputs in = inputsOf(fl, f, p);
    std::array<double, FactorCount> v{};
    const double cvssPoints = cvssPart(in.cvss, in.rating, p);
    v[int(Factor::Severity)] = ((1 - p.cvssShare) * in.rating + p.cvssShare * cvssPoints) / 10;
    v[int(Factor::KnownExploited)] = in.kev == 2 ? 1.0 : in.kev == 1 ? 0.8 : 0.0;
    v[int(Factor::Epss)] = in.epss;
    static constexpr double exposure[5] = {1.0, 0.6, 0.4, 0.2, 0.8};
    v[int(Factor::InternetExposure)] = in.exposed ? exposure[in.av] : 0.0;
    v[int(Factor::Running)] = in.containers > 0 ? 1.0 : 0.0;
    v[int(Factor::Prevalence)] = in.containers / (in.containers + p.prevalenceHalf);
    v[int(Factor::ExposureTime)] = in.days / (in.days + p.exposureHalfDays);
    v[int(Factor::Privilege)] = in.privilege;
    static constexpr double reach[5] = {1.0, 0.7, 0.5, 0.1, 0.7};
    v[int(Factor::Reachability)] = in.av == AvL && in.shellNo ? 0.2 : reach[in.av];
    return v;
}

// a is at least as bad as b on every input (same attack vector, and for local vectors a
// way to run commands at least as available).
bool weaklyDominates(const Inputs &a, const Inputs &b)
{
    return a.av == b.av && (a.av != AvL || !a.shellNo || b.shellNo) && a.rating >= b.rating &&
           a.cvss >= b.cvss && a.kev >= b.kev && a.epss >= b.epss && a.exposed >= b.exposed &&
           a.containers >= b.containers && a.privilege >= b.privilege && a.days >= b.days &&
           a.open >= b.open;
}

bool strictlyWorseOnMajor(const Inputs &a, const Inputs &b)
{
    return (a.kev > 0 && b.kev == 0) || (a.exposed && !b.exposed) ||
           (a.containers > 0 && b.containers == 0) || tenthsBand(a.cvss) > tenthsBand(b.cvss);
}

// CISA SSVC guide (Nov 2022), decision table: exploitation (none, PoC, active) ×
// automatable (no, yes) × technical impact (partial, total) × mission & well-being (low,
// medium, high); here mission is not running / running / internet exposed.
Decision cisaDecision(Exploitation e, bool automatable, bool total, int mission)
{
    using enum Decision;
    const int ex = int(e);
    if (ex == 0) { // none
        if (!automatable)
            return total && mission == 2 ? TrackStar : Track;
        return mission == 2 ? Attend : Track;
    }
    if (ex == 1) { // proof of concept
        if (mission == 0)
            return Track;
        if (mission == 2)
            return !automatable && !total ? TrackStar : Attend;
        return total ? TrackStar : Track;
    }
    // active
    if (mission == 2)
        return !automatable && !total ? Attend : Act;
    if (mission == 1)
        return automatable && total ? Act : (automatable || total ? Attend : Track);
    return automatable ? Attend : Track;
}

struct PolicyDiff
{
    QStringList fields;
    void check(bool same, const char *field)
    {
        if (!same)
            fields << QString::fromLatin1(field);
    }
};

QString policyDiff(const Policy &a, const Policy &b)
{
    PolicyDiff d;
    d.check(a.name == b.name, "name");
    d.check(a.severityMode == b.severityMode, "severityMode");
    d.check(a.severitySources == b.severitySources, "severitySources");
    d.check(a.cvssShare == b.cvssShare, "cvssShare");
    d.check(a.ratingValues == b.ratingValues, "ratingValues");
    d.check(a.cvssSources == b.cvssSources, "cvssSources");
    d.check(a.cvssVersions == b.cvssVersions, "cvssVersions");
    d.check(a.weights == b.weights, "weights");
    d.check(a.prevalenceHalf == b.prevalenceHalf, "prevalenceHalf");
    d.check(a.exposureHalfDays == b.exposureHalfDays, "exposureHalfDays");
    d.check(a.epssProofOfConcept == b.epssProofOfConcept, "epssProofOfConcept");
    d.check(a.slaDays == b.slaDays, "slaDays");
    d.check(a.slaKevDueDate == b.slaKevDueDate, "slaKevDueDate");
    d.check(a.fixAgeFrom == b.fixAgeFrom, "fixAgeFrom");
    d.check(a.ruleUnexposedAdjacent == b.ruleUnexposedAdjacent, "ruleUnexposedAdjacent");
    bool envSame = a.environmental.size() == b.environmental.size();
    for (std::size_t i = 0; envSame && i < a.environmental.size(); ++i) {
        auto ma = a.environmental[i].metrics, mb = b.environmental[i].metrics;
        std::sort(ma.begin(), ma.end()); // metrics of one override are a set
        std::sort(mb.begin(), mb.end());
        envSame = a.environmental[i].scope == b.environmental[i].scope &&
                  a.environmental[i].value == b.environmental[i].value && ma == mb;
    }
    d.check(envSame, "environmental");
    return d.fields.join(QStringLiteral(", "));
}

QString qs(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

} // namespace

class TestRiskEngine : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    // Formula and invariants.
    void handComputedFindings();
    void breakdownAddsUp();
    void referenceFormula_data();
    void referenceFormula();
    void severityChoiceOnFleet();
    void parallelMatchesSerial();
    void rescoreMatchesCompute();
    void rankingOrder();

    // Monotonicity.
    void dominance();
    void worseInputNeverLowersScore_data();
    void worseInputNeverLowersScore();
    void highBandOutranksScopeChangedMedium();
    void cvssVersionsShareOneScale();

    // One policy value at a time.
    void factorWeight_data();
    void factorWeight();
    void epssProofOfConceptChangesOnlyDecisions();
    void slaDaysChangeOnlySlaDueOfThatSeverity();
    void prevalenceHalfChangesOnlyPrevalence();
    void exposureHalfDaysChangesOnlyExposureTime();
    void cvssShareChangesOnlySeverity();
    void severityMode_data();
    void severityMode();
    void cvssChoice_data();
    void cvssChoice();

    // Environmental overrides.
    void environmentalFleet();
    void environmentalNamespace();
    void environmentalRepository();
    void environmentalMostSpecificWins();
    void unexposedAdjacentRule();
    void unexposedAdjacentKeepsExplicitMav();

    // SSVC.
    void ssvcDecision_data();
    void ssvcDecision();
    void ssvcOnFleet();
    void exploitationThreshold_data();
    void exploitationThreshold();

    // SLA.
    void slaDue();
    void slaKevDueDate();
    void pciDssPreset();

    // Grades and image summaries.
    void healthGrade_data();
    void healthGrade();
    void imageSummaries();

    // Severity matrix.
    void severityMatrix();

    // Sorting: the integer fast path orders exactly like the double path.
    void ordinalKeysSortLikeNumbers();

    // Policy files.
    void defaultPresetMatchesStruct();
    void policyRoundTrip();
    void policyErrors_data();
    void policyErrors();
    void policySyntaxError();
};

// ---------------------------------------------------------------------------------------

void TestRiskEngine::handComputedFindings()
{
    Builder b;
    ImageFacts web;
    web.runningContainers = 4;
    web.internetExposed = true;
    web.runsAsRoot = Tri::Yes;
    web.shell = Tri::Yes;
    web.vendorSource = b.src("debian");
    const std::uint32_t iWeb = b.image(web);
    ImageFacts idle;
    idle.shell = Tri::No;
    idle.vendorSource = b.src("debian");
    const std::uint32_t iIdle = b.image(idle);
    ImageFacts worker;
    worker.runningContainers = 1;
    worker.privileged = true;
    worker.runsAsRoot = Tri::Yes;
    worker.runningSince = kNow - 10 * kDay;
    const std::uint32_t iWorker = b.image(worker);

    VulnFacts kev;
    kev.kev = true;
    kev.epss = 0.25f;
    const std::uint32_t vKev = b.vuln(kev);
    b.rate(vKev, "debian", Severity::Critical);
    b.rate(vKev, "ghsa", Severity::Low);
    QCOMPARE(b.cvss(vKev, "nvd", kV31N75), std::int16_t(75));

    const std::uint32_t vLocal = b.vuln();
    QCOMPARE(b.cvss(vLocal, "nvd", kV31L78), std::int16_t(78));

    VulnFacts ransom;
    ransom.kev = true;
    ransom.ransomware = true;
    ransom.epss = 0.9f;
    const std::uint32_t vRansom = b.vuln(ransom);

    const std::size_t a = b.finding({.image = iWeb, .vuln = vKev, .firstSeen = kNow - 30 * kDay});
    const std::size_t bb = b.finding({.image = iIdle, .vuln = vLocal});
    const std::size_t c = b.finding(
        {.image = iWorker, .vuln = vRansom, .scannerPick = Severity::Medium, .firstSeen = 0});
    const std::size_t d =
        b.finding({.image = iWeb, .vuln = vKev, .flags = Resolved, .firstSeen = kNow - 30 * kDay});
    const std::size_t e = b.finding(
        {.image = iWeb, .vuln = vKev, .firstSeen = kNow - 30 * kDay, .languagePackage = true});
    VulnFacts odd; // an EPSS above 1 (bad feed data) counts as 1
    odd.epss = 1.5f;
    const std::size_t g = b.finding({.image = iIdle, .vuln = b.vuln(odd)});

    const Scoring s = Scoring::compute(b.facts, Policy{});
    using F = Factor;
    const auto expect = [&](std::size_t f, std::array<int, FactorCount> points) {
        for (int k = 0; k < FactorCount; ++k)
            QVERIFY2(breakdownMilli(s, f, F(k)) == points[std::size_t(k)],
                     qPrintable(QStringLiteral("finding %1, %2: %3, expected %4")
                                    .arg(f)
                                    .arg(qs(factorName(F(k))))
                                    .arg(breakdownMilli(s, f, F(k)))
                                    .arg(points[std::size_t(k)])));
        int sum = 0;
        for (int p : points)
            sum += p;
        QCOMPARE(milli(s.risk(f)), sum);
    };
    // Contributions are rounded to thousandths (lround: halves away from zero) from the
    // engine's binary floating-point arithmetic, so an exact decimal tie (…x.5 thousandths)
    // rounds up when it is exact in binary (0.1875) and may land just below otherwise.
    // a: Debian Critical (R 9.5) and CVSS 7.5, band High (8.0): C = (7.5 + 8.0) / 2 = 7.75 →
    // (0.5 × 9.5 + 0.5 × 7.75) / 10 × 3.5 = (4.75 + 3.875) / 10 × 3.5 = 0.8625 × 3.5 =
    // 3.01875 → 3.019; KEV 0.8 × 1.5 = 1.2; EPSS 0.25 × 0.5 = 0.125; AV:N exposed 1.0 × 1.25;
    // running 0.75; 4 / (4 + 20) = 0.1667 → 0.167; 30 days / (30 + 30) × 0.5 = 0.25; root 0.5
    // × 0.75 (C:H only, no host reach) × 0.5 = 0.1875 → 0.188; AV:N reach 1.0 × 0.5.
    // Sum: 3.019 + 1.2 + 0.125 + 1.25 + 0.75 + 0.167 + 0.25 + 0.188 + 0.5 = 7.449.
    expect(a, {3019, 1200, 125, 1250, 750, 167, 250, 188, 500});
    QCOMPARE(milli(s.risk(a)), 7449);
    QCOMPARE(s.severity(a), Severity::Critical);
    QCOMPARE(qs(s.severitySource(a)), QStringLiteral("debian"));
    QCOMPARE(s.exposureDays(a), 30.0);
    // b: no rating, CVSS 7.8 → band High (8.0) for R, and C = (7.8 + 8.0) / 2 = 7.9 →
    // (0.5 × 8.0 + 0.5 × 7.9) / 10 × 3.5 = (4.0 + 3.95) / 10 × 3.5 = 0.795 × 3.5 = 2.7825, a
    // tie: in binary it comes to 2782.4999… thousandths, and the engine rounds half-way
    // cases up as on paper → 2.783; not running; AV:L without a shell reaches 0.2 × 0.5 = 0.1.
    expect(bb, {2783, 0, 0, 0, 0, 0, 0, 0, 100});
    QCOMPARE(s.severity(bb), Severity::High);
    QCOMPARE(qs(s.severitySource(bb)), QStringLiteral("cvss"));
    // c: scanner Medium, no CVSS → 5.5 twice: 0.55 × 3.5 = 1.925; ransomware KEV 1.5; EPSS
    // 0.9 × 0.5; running, not exposed; 1 / 21 = 0.048; running for 10 days (no first-seen
    // date) → 10 / 40 × 0.5; privileged 1.0, in full without CVSS (host reach assumed) × 0.5;
    // unknown vector reaches 0.7 × 0.5.
    expect(c, {1925, 1500, 450, 0, 750, 48, 125, 500, 350});
    QCOMPARE(qs(s.severitySource(c)), QStringLiteral("scanner"));
    QCOMPARE(s.exposureDays(c), 10.0);
    // d: a resolved copy of a: no exposure time.
    expect(d, {3019, 1200, 125, 1250, 750, 167, 0, 188, 500});
    QCOMPARE(s.exposureDays(d), 0.0);
    // e: a's vulnerability in a language package: GHSA's Low (R 2.5), C still 7.75 →
    // (1.25 + 3.875) / 10 × 3.5 = 0.5125 × 3.5 = 1.79375 → 1.794.
    expect(e, {1794, 1200, 125, 1250, 750, 167, 250, 188, 500});
    QCOMPARE(qs(s.severitySource(e)), QStringLiteral("ghsa"));
    QCOMPARE(s.severity(e), Severity::Low);
    QCOMPARE(breakdownMilli(s, g, Factor::Epss), 500);
}

void TestRiskEngine::breakdownAddsUp()
{
    const Fleet &fl = standardFleet();
    const Policy policy;
    const Scoring s = Scoring::compute(fl.facts(), policy);
    QCOMPARE(s.size(), fl.facts().size());
    for (std::size_t f = 0; f < s.size(); ++f) {
        const Breakdown b = s.breakdown(f);
        double sum = 0;
        int sumMilli = 0;
        for (int k = 0; k < FactorCount; ++k) {
            const double points = b[std::size_t(k)];
            const double weight = policy.weights[std::size_t(k)];
            QVERIFY2(points >= 0 && points <= weight + 1e-6,
                     qPrintable(QStringLiteral("finding %1 factor %2: %3 outside [0, %4]")
                                    .arg(f)
                                    .arg(k)
                                    .arg(points)
                                    .arg(weight)));
            QVERIFY2(std::abs(points * 1000 - std::round(points * 1000)) < 1e-3,
                     "contributions are whole thousandths");
            sum += points;
            sumMilli += milli(points);
        }
        QCOMPARE(sumMilli, milli(s.risk(f)));
        QVERIFY2(std::abs(sum - double(s.risk(f))) <= 1e-6,
                 qPrintable(QStringLiteral("finding %1: breakdown sums to %2, risk %3")
                                .arg(f)
                                .arg(sum, 0, 'f', 9)
                                .arg(double(s.risk(f)), 0, 'f', 9)));
        QVERIFY(s.risk(f) >= 0.0f && s.risk(f) <= 10.0f);
    }
    // The extreme policy: every point on one factor still stays within 0–10.
    Policy all;
    all.weights.fill(0);
    all.weights[int(Factor::Severity)] = 10;
    const Scoring t = Scoring::compute(fl.facts(), all);
    for (std::size_t f = 0; f < t.size(); ++f)
        QVERIFY(t.risk(f) > 0.0f && t.risk(f) <= 10.0f);
}

void TestRiskEngine::referenceFormula_data()
{
    QTest::addColumn<QString>("json");
    QTest::newRow("default") << QString();
    QTest::newRow("cvssShare") << QStringLiteral(R"({"severity": {"cvssShare": 0.8}})");
    QTest::newRow("ratingValues") << QStringLiteral(
        R"({"severity": {"ratingValues": {"unknown": 3, "low": 3, "medium": 6, "high": 8.5}}})");
    QTest::newRow("halves") << QStringLiteral(
        R"({"prevalence": {"halfAtContainers": 3}, "exposureTime": {"halfAtDays": 7}})");
    QTest::newRow("weights") << QStringLiteral(
        R"({"weights": {"severity": 2, "knownExploited": 2, "epss": 1, "internetExposure": 1,
            "running": 1, "prevalence": 0.5, "exposureTime": 1, "privilege": 1,
            "reachability": 0.5}})");
}

void TestRiskEngine::referenceFormula()
{
    QFETCH(QString, json);
    const Policy policy = json.isEmpty() ? Policy{} : parsed(json.toUtf8().constData());
    const Fleet &fl = standardFleet();
    const Scoring s = Scoring::compute(fl.facts(), policy);
    for (std::size_t f = 0; f < s.size(); ++f) {
        const auto values = referenceValues(fl, f, policy);
        for (int k = 0; k < FactorCount; ++k) {
            const int expected = milli(values[std::size_t(k)] * policy.weights[std::size_t(k)]);
            const int actual = breakdownMilli(s, f, Factor(k));
            // ±1 thousandth: a .5 tie may round either way in float.
            QVERIFY2(std::abs(actual - expected) <= 1,
                     qPrintable(QStringLiteral("finding %1, %2: %3, expected %4")
                                    .arg(f)
                                    .arg(qs(factorName(Factor(k))))
                                    .arg(actual)
                                    .arg(expected)));
        }
    }
}

void TestRiskEngine::severityChoiceOnFleet()
{
    const Fleet &fl = standardFleet();
    const Scoring s = Scoring::compute(fl.facts(), Policy{});
    for (std::size_t f = 0; f < s.size(); ++f) {
        QCOMPARE(s.severity(f), expectedSeverity(fl.facts(), f));
        QCOMPARE(int(s.cvssTenths(f)), expectedCvssTenths(fl.facts(), f));
        const CvssChoice c = s.cvss(f);
        QCOMPARE(c.record, fl.vectorOf[fl.facts().vuln[f]] < 0 ? -1 : 0);
        QCOMPARE(c.environmentalTenths, s.cvssTenths(f));
    }
}

void TestRiskEngine::parallelMatchesSerial()
{
    // Over 50,000 findings the engine splits the work over threads.
    const Fleet fl = makeFleet(7, 60, 800, 60000);
    const Scoring one = Scoring::compute(fl.facts(), Policy{}, 1);
    const Scoring four = Scoring::compute(fl.facts(), Policy{}, 4);
    QVERIFY(std::equal(one.risks().begin(), one.risks().end(), four.risks().begin()));
    QVERIFY(one.ranking() == four.ranking());
    for (std::size_t r = 0; r < one.ranking().size(); ++r)
        QCOMPARE(one.rank(one.ranking()[r]), std::uint32_t(r + 1));
    // The what-if path, in parallel, under a policy with several profiles per image.
    const Policy p = parsed(R"({"environmental": [
        {"scope": "namespace:prod", "metrics": {"CR": "H"}},
        {"scope": "namespace:shop", "metrics": {"IR": "L"}}],
        "rules": {"unexposedAdjacent": true}})");
    Scoring again = Scoring::compute(fl.facts(), Policy{}, 4);
    again.rescore(p, 4);
    again.rerank(4);
    const Scoring serial = Scoring::compute(fl.facts(), p, 1);
    QVERIFY(std::equal(again.risks().begin(), again.risks().end(), serial.risks().begin()));
    QVERIFY(again.ranking() == serial.ranking());
}

// Everything a finding shows, to compare two scorings.
QString findingDiff(const Scoring &a, const Scoring &b, std::size_t f)
{
    QStringList d;
    if (a.risk(f) != b.risk(f))
        d << QStringLiteral("risk %1 vs %2").arg(double(a.risk(f))).arg(double(b.risk(f)));
    for (int k = 0; k < FactorCount; ++k)
        if (a.breakdown(f)[std::size_t(k)] != b.breakdown(f)[std::size_t(k)])
            d << qs(factorName(Factor(k)));
    if (a.severity(f) != b.severity(f) || a.severitySource(f) != b.severitySource(f))
        d << QStringLiteral("severity");
    const CvssChoice ca = a.cvss(f), cb = b.cvss(f);
    if (a.cvssTenths(f) != b.cvssTenths(f) || ca.record != cb.record || ca.vector != cb.vector ||
        ca.environmentalTenths != cb.environmentalTenths)
        d << QStringLiteral("cvss %1 %2 vs %3 %4")
                 .arg(a.cvssTenths(f))
                 .arg(qs(ca.vector))
                 .arg(b.cvssTenths(f))
                 .arg(qs(cb.vector));
    if (a.decision(f) != b.decision(f))
        d << QStringLiteral("decision");
    if (a.slaDue(f) != b.slaDue(f) || a.slaBreached(f) != b.slaBreached(f))
        d << QStringLiteral("sla");
    if (a.exposureDays(f) != b.exposureDays(f))
        d << QStringLiteral("exposureDays");
    return d.join(QStringLiteral(", "));
}

void TestRiskEngine::rescoreMatchesCompute()
{
    // The what-if path: one Scoring rescored through a series of policies must always equal
    // a fresh compute() under the same policy, including after going back to the default.
    const Fleet &fl = standardFleet();
    const char *const policies[] = {
        R"({"environmental": [{"scope": "namespace:prod", "metrics": {"CR": "H", "IR": "H"}},
                              {"scope": "namespace:dev", "metrics": {"CR": "L", "AR": "L"}},
                              {"scope": "repository:docker.io/library/nginx",
                               "metrics": {"MAV": "L"}}]})",
        R"({"rules": {"unexposedAdjacent": true},
            "environmental": [{"scope": "fleet", "metrics": {"CR": "H"}}]})",
        R"({"severity": {"mode": "list", "sources": ["nvd", "scanner"], "cvssShare": 0.3},
            "cvss": {"versions": ["3.1", "4.0", "2.0"]}})",
        R"({"weights": {"severity": 2, "knownExploited": 3, "epss": 0, "internetExposure": 2,
                        "running": 0, "prevalence": 1, "exposureTime": 1, "privilege": 0.5,
                        "reachability": 0.5},
            "prevalence": {"halfAtContainers": 2}, "exposureTime": {"halfAtDays": 90}})",
        R"({"severity": {"mode": "highest"}, "sla": {"high": 10, "kevDueDate": true},
            "ssvc": {"epssProofOfConcept": 0.03}})",
        "{}",
    };
    Scoring s = Scoring::compute(fl.facts(), Policy{});
    int profileSensitive = 0;
    for (const char *json : policies) {
        const Policy p = parsed(json);
        s.rescore(p);
        s.rerank();
        const Scoring fresh = Scoring::compute(fl.facts(), p);
        for (std::size_t f = 0; f < fresh.size(); ++f) {
            const QString diff = findingDiff(s, fresh, f);
            QVERIFY2(diff.isEmpty(),
                     qPrintable(QStringLiteral("policy %1, finding %2: %3")
                                    .arg(QString::fromUtf8(json).simplified())
                                    .arg(f)
                                    .arg(diff)));
            profileSensitive += s.cvssTenths(f) != expectedCvssTenths(fl.facts(), f);
        }
        QVERIFY(s.ranking() == fresh.ranking());
        QCOMPARE(s.images().size(), fresh.images().size());
        for (std::size_t i = 0; i < fresh.images().size(); ++i) {
            QCOMPARE(s.images()[i].grade, fresh.images()[i].grade);
            QCOMPARE(s.images()[i].riskSum, fresh.images()[i].riskSum);
        }
    }
    QVERIFY2(profileSensitive > 0, "the overrides changed some CVSS scores");
    // Back at the default: the original scores.
    const Scoring def = Scoring::compute(fl.facts(), Policy{});
    for (std::size_t f = 0; f < def.size(); ++f)
        QCOMPARE(s.risk(f), def.risk(f));
}

void TestRiskEngine::rankingOrder()
{
    // With the whole severity factor from CVSS and no EPSS weight, severity and EPSS only
    // break ties.
    Policy policy;
    policy.cvssShare = 1;
    policy.weights[int(Factor::Epss)] = 0;
    Builder b;
    const std::uint32_t image = b.vendorImage("debian");
    const auto vuln = [&](Severity rating, float epss, bool kev) {
        VulnFacts v;
        v.epss = epss;
        v.kev = kev;
        const std::uint32_t i = b.vuln(v);
        b.rate(i, "debian", rating);
        b.cvss(i, "nvd", kV31N75);
        return i;
    };
    const std::uint32_t medium = vuln(Severity::Medium, 0.5f, false);
    const std::uint32_t high = vuln(Severity::High, 0.1f, false);
    const std::uint32_t high2 = vuln(Severity::High, 0.3f, false);
    const std::uint32_t kev = vuln(Severity::Medium, 0.0f, true);
    b.finding({.image = image, .vuln = medium});                     // 0
    b.finding({.image = image, .vuln = high});                       // 1
    b.finding({.image = image, .vuln = high2});                      // 2
    b.finding({.image = image, .vuln = high2});                      // 3: ties with 2
    b.finding({.image = image, .vuln = kev});                        // 4
    b.finding({.image = image, .vuln = kev, .flags = Resolved});     // 5
    b.finding({.image = image, .vuln = high2, .flags = Suppressed}); // 6
    const Scoring s = Scoring::compute(b.facts, policy);
    // All CVSS: C = (7.5 + High's 8.0) / 2 = 7.75 → 7.75 / 10 × 3.5 = 2.7125 → 2.713, + AV:N
    // reach 0.5 = 3.213; KEV adds 0.8 × 1.5 = 1.2.
    QCOMPARE(milli(s.risk(0)), 3213);
    QCOMPARE(milli(s.risk(4)), 4413);
    QCOMPARE(milli(s.risk(5)), 4413);
    const std::vector<std::uint32_t> expected{4, 2, 3, 1, 0, 5, 6};
    QCOMPARE(s.ranking(), expected);
    for (std::size_t r = 0; r < expected.size(); ++r)
        QCOMPARE(s.rank(expected[r]), std::uint32_t(r + 1));
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::dominance()
{
    const Fleet &fl = standardFleet();
    const Policy policy;
    const Scoring s = Scoring::compute(fl.facts(), policy);
    std::vector<Inputs> in;
    for (std::size_t f = 0; f < s.size(); ++f)
        in.push_back(inputsOf(fl, f, policy));
    int strict = 0, weak = 0;
    for (std::size_t a = 0; a < in.size(); ++a) {
        for (std::size_t b = 0; b < in.size(); ++b) {
            if (a == b || !weaklyDominates(in[a], in[b]))
                continue;
            ++weak;
            QVERIFY2(s.risk(a) >= s.risk(b),
                     qPrintable(QStringLiteral("finding %1 is at least as bad as %2, but scores "
                                               "%3 < %4")
                                    .arg(a)
                                    .arg(b)
                                    .arg(double(s.risk(a)))
                                    .arg(double(s.risk(b)))));
            if (!strictlyWorseOnMajor(in[a], in[b]))
                continue;
            ++strict;
            QVERIFY2(s.risk(a) > s.risk(b),
                     qPrintable(QStringLiteral("finding %1 dominates %2, but scores %3 <= %4")
                                    .arg(a)
                                    .arg(b)
                                    .arg(double(s.risk(a)))
                                    .arg(double(s.risk(b)))));
            QVERIFY2(s.rank(a) < s.rank(b),
                     qPrintable(QStringLiteral("finding %1 dominates %2, but ranks %3 >= %4")
                                    .arg(a)
                                    .arg(b)
                                    .arg(s.rank(a))
                                    .arg(s.rank(b))));
        }
    }
    // The fleet is coarse enough that the property is exercised, not vacuous.
    QVERIFY2(strict >= 100, qPrintable(QStringLiteral("only %1 strict pairs").arg(strict)));
    QVERIFY(weak >= strict);
}

void TestRiskEngine::worseInputNeverLowersScore_data()
{
    QTest::addColumn<QString>("mutation");
    for (const char *m :
         {"kev", "ransomware", "epss", "expose", "start", "escalate", "older", "rating", "shell"})
        QTest::newRow(m) << QString::fromLatin1(m);
}

void TestRiskEngine::worseInputNeverLowersScore()
{
    QFETCH(QString, mutation);
    const Fleet &fl = standardFleet();
    Fleet worse = fl;
    Facts &w = worse.b.facts;
    // Which findings must score strictly higher, and by exactly how much (-1 = any amount).
    std::vector<bool> mustRise(w.size());
    int exactRise = -1;
    const auto forFindings = [&](auto pred) {
        for (std::size_t f = 0; f < w.size(); ++f)
            mustRise[f] = pred(f);
    };
    const auto running = [&](std::size_t f) {
        return fl.facts().images[fl.facts().image[f]].runningContainers > 0;
    };
    if (mutation == QLatin1String("kev")) {
        for (VulnFacts &v : w.vulns)
            v.kev = true;
        forFindings([&](std::size_t f) { return !fl.facts().vulns[fl.facts().vuln[f]].kev; });
        exactRise = 1200; // 0.8 × 1.5
    } else if (mutation == QLatin1String("ransomware")) {
        for (VulnFacts &v : w.vulns)
            v.ransomware = v.kev;
        forFindings([&](std::size_t f) {
            const VulnFacts &v = fl.facts().vulns[fl.facts().vuln[f]];
            return v.kev && !v.ransomware;
        });
        exactRise = 300; // (1.0 − 0.8) × 1.5
    } else if (mutation == QLatin1String("epss")) {
        for (VulnFacts &v : w.vulns)
            v.epss = std::min(1.0f, std::max(0.0f, v.epss) + 0.1f);
        forFindings([](std::size_t) { return true; });
    } else if (mutation == QLatin1String("expose")) {
        for (ImageFacts &im : w.images)
            im.internetExposed = true;
        forFindings([&](std::size_t f) {
            return running(f) && !fl.facts().images[fl.facts().image[f]].internetExposed;
        });
    } else if (mutation == QLatin1String("start")) {
        for (ImageFacts &im : w.images)
            im.runningContainers = std::max(1, im.runningContainers);
        forFindings([&](std::size_t f) { return !running(f); });
    } else if (mutation == QLatin1String("escalate")) {
        for (ImageFacts &im : w.images) {
            if (im.runsAsRoot == Tri::Yes)
                im.privileged = true;
            im.runsAsRoot = im.runsAsRoot == Tri::No ? Tri::Unknown : Tri::Yes;
        }
        forFindings([&](std::size_t f) {
            const ImageFacts &im = fl.facts().images[fl.facts().image[f]];
            return running(f) && !im.privileged && !im.hostNamespace;
        });
    } else if (mutation == QLatin1String("older")) {
        for (std::int64_t &t : w.firstSeen)
            if (t > 0)
                t -= 30 * kDay;
        forFindings([&](std::size_t f) {
            const ImageFacts &im = fl.facts().images[fl.facts().image[f]];
            return running(f) && isOpenFinding(fl.facts(), f) && fl.facts().firstSeen[f] > 0 &&
                   fl.facts().firstSeen[f] - 30 * kDay > im.runningSince;
        });
    } else if (mutation == QLatin1String("rating")) {
        // One step up the policy's value order: negligible < low < medium < high < critical.
        for (VulnFacts &v : w.vulns)
            for (RatingFact &r : v.ratings)
                if (r.severity != Severity::Unknown && r.severity != Severity::Critical &&
                    w.sources[r.source] != "nvd")
                    r.severity = Severity(int(r.severity) + 1);
        forFindings([&](std::size_t f) {
            const Facts &facts = fl.facts();
            const std::uint16_t vendor = facts.contexts[facts.context[f]].vendorSource;
            for (const RatingFact &r : facts.vulns[facts.vuln[f]].ratings)
                if (vendor != 0 && r.source == vendor)
                    return r.severity != Severity::Unknown && r.severity != Severity::Critical;
            return false;
        });
    } else if (mutation == QLatin1String("shell")) {
        for (ImageFacts &im : w.images)
            if (im.shell == Tri::No)
                im.shell = Tri::Yes;
        forFindings([&](std::size_t f) {
            return fl.facts().images[fl.facts().image[f]].shell == Tri::No &&
                   fl.vectorOf[fl.facts().vuln[f]] >= 0 &&
                   kVectors[fl.vectorOf[fl.facts().vuln[f]]].av == AvL;
        });
    }

    const Scoring before = Scoring::compute(fl.facts(), Policy{});
    const Scoring after = Scoring::compute(w, Policy{});
    int rose = 0;
    for (std::size_t f = 0; f < w.size(); ++f) {
        const int diff = milli(after.risk(f)) - milli(before.risk(f));
        QVERIFY2(diff >= 0,
                 qPrintable(QStringLiteral("finding %1 fell from %2 to %3")
                                .arg(f)
                                .arg(double(before.risk(f)))
                                .arg(double(after.risk(f)))));
        if (mustRise[f]) {
            ++rose;
            QVERIFY2(diff > 0, qPrintable(QStringLiteral("finding %1 did not rise").arg(f)));
            if (exactRise >= 0)
                QCOMPARE(diff, exactRise);
        } else if (exactRise >= 0 || mutation == QLatin1String("expose") ||
                   mutation == QLatin1String("start") || mutation == QLatin1String("shell")) {
            // These inputs feed only the findings named above.
            QCOMPARE(diff, 0);
        }
    }
    QVERIFY2(rose > 0, "the fleet has findings the mutation affects");
}

void TestRiskEngine::highBandOutranksScopeChangedMedium()
{
    // The case the band value in the CVSS part and the ¾ privilege discount are for: on a
    // running privileged container, a High (7.0) that cannot reach beyond the container must
    // outrank a scope-changed Medium (6.9) that the vendor rates the same.
    // 7.0, S:U, C:H/I:L (no host reach): ISS = 1 − 0.44 × 0.78 × 0.78 = 0.7323, impact 6.42 ×
    // 0.7323 = 4.7014, exploitability 8.22 × 0.85 × 0.44 × 0.85 × 0.85 = 2.2212; roundup(6.9226)
    // = 7.0. 6.9, S:C (host reach): ISS = 1 − 0.44 × 0.78 = 0.6568, impact 7.52 × 0.6278 −
    // 3.25 × 0.6368^15 = 4.7173, exploitability 8.22 × 0.85 × 0.77 × 0.5 × 0.62 = 1.6678;
    // roundup(1.08 × 6.3851 = 6.8959) = 6.9; its environmental score (3.1's modified impact
    // for S:C) is 6.9 as well, still Medium.
    const std::string high70 = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L";
    const std::string medium69 = "CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:L/A:N";
    QCOMPARE(envOf(high70), std::int16_t(70));
    QCOMPARE(envOf(medium69), std::int16_t(69));

    // Hand values, Debian Medium (R 5.5) for both, on 3 privileged containers, seen 10 days ago:
    // High:   C = (7.0 + High's 8.0) / 2 = 7.5 → (2.75 + 3.75) / 10 × 3.5 = 0.65 × 3.5 = 2.275;
    //         privilege 1.0 × 0.75 (no host reach) × 0.5 = 0.375.
    // Medium: C = (6.9 + Medium's 5.5) / 2 = 6.2 → (2.75 + 3.1) / 10 × 3.5 = 0.585 × 3.5 =
    //         2.0475, a tie (2047.4999… in binary) rounded up as on paper → 2.048; privilege
    //         1.0 × 0.5 = 0.5 (scope changed).
    // Both: running 0.75; 3 / 23 = 0.1304 → 0.130; 10 / 40 × 0.5 = 0.125; AV:N reach 0.5;
    // not exposed, no KEV, no EPSS. Totals 4.155 and 4.053: the High leads by 0.227 − 0.125.
    // The old formula ranked the Medium first: C = the score alone gave 0.0175 for the 0.1
    // difference, and halving gave the scope change 0.25; either change alone still would
    // (0.2275 − 0.25 < 0; 0.0175 − 0.125 < 0).
    {
        Builder b;
        ImageFacts im;
        im.runningContainers = 3;
        im.privileged = true;
        im.runsAsRoot = Tri::Yes;
        im.shell = Tri::Yes;
        im.vendorSource = b.src("debian");
        const std::uint32_t image = b.image(im);
        const std::uint32_t vMedium = b.vuln();
        b.rate(vMedium, "debian", Severity::Medium);
        QCOMPARE(b.cvss(vMedium, "nvd", medium69), std::int16_t(69));
        const std::uint32_t vHigh = b.vuln();
        b.rate(vHigh, "debian", Severity::Medium);
        QCOMPARE(b.cvss(vHigh, "nvd", high70), std::int16_t(70));
        // The Medium comes first in workspace order, so a tie would rank it first.
        const std::size_t medium = b.finding({.image = image, .vuln = vMedium});
        const std::size_t high = b.finding({.image = image, .vuln = vHigh});
        const Scoring s = Scoring::compute(b.facts, Policy{});
        QCOMPARE(s.severity(high), Severity::Medium);
        QCOMPARE(s.severity(medium), Severity::Medium);
        QCOMPARE(s.cvssTenths(high), std::int16_t(70));
        QCOMPARE(s.cvssTenths(medium), std::int16_t(69));
        const std::array<int, FactorCount> highPoints{2275, 0, 0, 0, 750, 130, 125, 375, 500};
        const std::array<int, FactorCount> mediumPoints{2048, 0, 0, 0, 750, 130, 125, 500, 500};
        for (int k = 0; k < FactorCount; ++k) {
            QCOMPARE(breakdownMilli(s, high, Factor(k)), highPoints[std::size_t(k)]);
            QCOMPARE(breakdownMilli(s, medium, Factor(k)), mediumPoints[std::size_t(k)]);
        }
        QCOMPARE(milli(s.risk(high)), 4155);
        QCOMPARE(milli(s.risk(medium)), 4053);
        QVERIFY(s.risk(high) > s.risk(medium));
        QCOMPARE(s.rank(high), std::uint32_t(1));
        QCOMPARE(s.rank(medium), std::uint32_t(2));
        QCOMPARE(s.ranking(),
                 (std::vector<std::uint32_t>{std::uint32_t(high), std::uint32_t(medium)}));
    }

    // Whatever the shared rating and however privileged the container (privileged is where
    // the scope change weighs most), the High ranks first. The severity lead is the same
    // 0.2275 → 0.228 for every rating (C differs by 0.65, × 0.5 × 3.5 / 10); the privilege
    // handicap is the level × 0.25 × 0.5: 0.125, 0.125, 0.062, 0.031, 0.
    Builder b;
    const auto runningImage = [&](bool privileged, bool hostNamespace, Tri root) {
        ImageFacts im;
        im.runningContainers = 3;
        im.privileged = privileged;
        im.hostNamespace = hostNamespace;
        im.runsAsRoot = root;
        im.shell = Tri::Yes;
        im.vendorSource = b.src("debian");
        return b.image(im);
    };
    const std::uint32_t images[] = {runningImage(true, false, Tri::Yes),
                                    runningImage(false, true, Tri::No),
                                    runningImage(false, false, Tri::Yes),
                                    runningImage(false, false, Tri::Unknown),
                                    runningImage(false, false, Tri::No)};
    const int handicap[] = {125, 125, 62, 31, 0}; // 500 − 375, 250 − 188 (0.1875), 125 − 94
    std::vector<std::tuple<std::size_t, std::size_t, int>> pairs; // high, medium, handicap
    for (Severity rating : {Severity::Negligible,
                            Severity::Low,
                            Severity::Medium,
                            Severity::High,
                            Severity::Critical}) {
        const std::uint32_t vMedium = b.vuln();
        b.rate(vMedium, "debian", rating);
        b.cvss(vMedium, "nvd", medium69);
        const std::uint32_t vHigh = b.vuln();
        b.rate(vHigh, "debian", rating);
        b.cvss(vHigh, "nvd", high70);
        for (std::size_t i = 0; i < std::size(images); ++i) {
            const std::size_t medium = b.finding({.image = images[i], .vuln = vMedium});
            const std::size_t high = b.finding({.image = images[i], .vuln = vHigh});
            pairs.emplace_back(high, medium, handicap[i]);
        }
    }
    const Scoring s = Scoring::compute(b.facts, Policy{});
    for (const auto &[high, medium, cost] : pairs) {
        const QString what = QStringLiteral("%1 %2 vs %3 %4, rating %5")
                                 .arg(high)
                                 .arg(double(s.risk(high)))
                                 .arg(medium)
                                 .arg(double(s.risk(medium)))
                                 .arg(int(s.severity(high)));
        QCOMPARE(s.severity(high), s.severity(medium));
        // The exact lead is 0.2275 (3.5 × 0.5 × (7.5 − 6.2) / 10); each side is rounded to
        // thousandths on its own, so the rounded lead is 0.227 or 0.228.
        const int lead =
            breakdownMilli(s, high, Factor::Severity) - breakdownMilli(s, medium, Factor::Severity);
        QVERIFY2(lead == 227 || lead == 228, qPrintable(what));
        QCOMPARE(breakdownMilli(s, medium, Factor::Privilege) -
                     breakdownMilli(s, high, Factor::Privilege),
                 cost);
        QCOMPARE(milli(s.risk(high)) - milli(s.risk(medium)), lead - cost);
        QVERIFY2(s.risk(high) > s.risk(medium), qPrintable(what));
        QVERIFY2(s.rank(high) < s.rank(medium), qPrintable(what));
    }
}

void TestRiskEngine::cvssVersionsShareOneScale()
{
    // The CVSS part's band is taken on the FIRST v3 scale for every version, so with equal
    // ratings the severity factor depends only on the score: a v2 vector scoring higher than
    // a v3.1 (or 3.0, 4.0) vector never gets fewer severity points, and equal scores get equal
    // points. v2 has no Critical on its own scale, so a v2 9.3 taken as High would lose to a
    // v3.1 9.1.
    // v2 scores (impact 10.41 × (1 − Π(1 − CIA)), exploitability 20 × AV × AC × Au, base
    // (0.6 × impact + 0.4 × exploitability − 1.5) × 1.176, rounded to one decimal):
    //   C:C/I:C/A:C, AV:N/AC:L/Au:N: (6.0005 + 3.9987 − 1.5) × 1.176 = 9.995 → 10.0
    //   AC:M: exploitability 8.5888 → (6.0005 + 3.4355 − 1.5) × 1.176 = 9.333 → 9.3
    //   AC:L/Au:S: exploitability 7.952 → (6.0005 + 3.1808 − 1.5) × 1.176 = 9.033 → 9.0
    //   C:P/I:P/A:P, AC:M: impact 6.443 → (3.8658 + 3.4355 − 1.5) × 1.176 = 6.822 → 6.8
    //   A:P only: impact 2.8628 → (1.7177 + 3.9987 − 1.5) × 1.176 = 4.958 → 5.0
    //   AV:L, C:P only: exploitability 3.9487 → (1.7177 + 1.5795 − 1.5) × 1.176 = 2.113 → 2.1
    //   no impact: f(impact) = 0 → 0.0
    struct Scored
    {
        const char *vector;
        int tenths;
    };
    const Scored vectors[] = {
        {"AV:N/AC:L/Au:N/C:C/I:C/A:C", 100},
        {"AV:N/AC:M/Au:N/C:C/I:C/A:C", 93},
        {"AV:N/AC:L/Au:S/C:C/I:C/A:C", 90},
        {kV2N75, 75},
        {"AV:N/AC:M/Au:N/C:P/I:P/A:P", 68},
        {"AV:N/AC:L/Au:N/C:N/I:N/A:P", 50},
        {"AV:L/AC:L/Au:N/C:P/I:N/A:N", 21},
        {"AV:N/AC:L/Au:N/C:N/I:N/A:N", 0},
        {kV31N98, 98},
        // 6.42 × (1 − 0.44²) = 5.1771, + 3.8870 = 9.0641 → 9.1
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N", 91},
        {kV31L78, 78},
        {kV31N75, 75},
        {kV31N73, 73},
        {"CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:L", 70},
        {"CVSS:3.1/AV:N/AC:L/PR:H/UI:R/S:C/C:H/I:L/A:N", 69},
        {kV31N65, 65},
        {kV31L33, 33},
        {"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N", 0},
        {kV30L33, 33},
        {kV40N93, 93},
    };
    Builder b;
    const std::uint32_t image = b.vendorImage("debian");
    struct Row
    {
        std::size_t finding;
        cvss::Version version;
        Severity rating;
    };
    std::vector<Row> rows;
    for (Severity rating : {Severity::Low, Severity::Medium, Severity::High, Severity::Critical})
        for (const Scored &v : vectors) {
            const std::uint32_t vuln = b.vuln();
            b.rate(vuln, "debian", rating);
            QCOMPARE(b.cvss(vuln, "nvd", v.vector), std::int16_t(v.tenths));
            rows.push_back({b.finding({.image = image, .vuln = vuln}),
                            parseVector(v.vector).version(),
                            rating});
        }
    const Scoring s = Scoring::compute(b.facts, Policy{});
    int crossVersion = 0;
    for (const Row &x : rows)
        for (const Row &y : rows) {
            if (x.rating != y.rating || x.version == y.version)
                continue;
            ++crossVersion;
            const int sx = s.cvssTenths(x.finding), sy = s.cvssTenths(y.finding);
            const int px = breakdownMilli(s, x.finding, Factor::Severity);
            const int py = breakdownMilli(s, y.finding, Factor::Severity);
            const QString what = QStringLiteral("%1 (%2) has %3 points, %4 (%5) %6")
                                     .arg(qs(s.cvss(x.finding).vector))
                                     .arg(sx)
                                     .arg(px)
                                     .arg(qs(s.cvss(y.finding).vector))
                                     .arg(sy)
                                     .arg(py);
            if (sx > sy)
                QVERIFY2(px > py, qPrintable(what));
            else if (sx == sy)
                QVERIFY2(px == py, qPrintable(what));
        }
    QVERIFY(crossVersion > 0);

    // By hand, rating High (R 8.0) for all:
    // v2 9.3 → Critical on the v3 scale (9.5): C = (9.3 + 9.5) / 2 = 9.4 → (4.0 + 4.7) / 10 ×
    // 3.5 = 0.87 × 3.5 = 3.045 (v2's own High would give C = 8.65 → 2.914).
    // v3.1 9.1: C = (9.1 + 9.5) / 2 = 9.3 → (4.0 + 4.65) / 10 × 3.5 = 0.865 × 3.5 = 3.0275, a
    // tie that lands just above in binary → 3.028.
    // 0.0, either version: band value 0, not the unknown rating's 5.0: C = 0 → 4.0 / 10 × 3.5
    // = 1.4 (with 5.0 it would be (4.0 + 1.25) / 10 × 3.5 = 1.8375).
    const auto pointsOf = [&](const char *vector) {
        for (const Row &r : rows)
            if (r.rating == Severity::High && s.cvss(r.finding).vector == vector)
                return breakdownMilli(s, r.finding, Factor::Severity);
        return -1;
    };
    QCOMPARE(pointsOf("AV:N/AC:M/Au:N/C:C/I:C/A:C"), 3045);
    QCOMPARE(pointsOf("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N"), 3028);
    QCOMPARE(pointsOf("AV:N/AC:L/Au:N/C:N/I:N/A:N"), 1400);
    QCOMPARE(pointsOf("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"), 1400);
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::factorWeight_data()
{
    QTest::addColumn<int>("factor");
    QTest::addColumn<bool>("raise");
    for (int k = 0; k < FactorCount; ++k) {
        const std::string name(factorName(Factor(k)));
        QTest::newRow((name + " zero").c_str()) << k << false;
        QTest::newRow((name + " raised").c_str()) << k << true;
    }
}

void TestRiskEngine::factorWeight()
{
    QFETCH(int, factor);
    QFETCH(bool, raise);
    const Fleet &fl = standardFleet();
    const Policy base;
    Policy changed = base;
    changed.weights[std::size_t(factor)] = raise ? base.weights[std::size_t(factor)] * 2 : 0;
    const Scoring s0 = Scoring::compute(fl.facts(), base);
    const Scoring s1 = Scoring::compute(fl.facts(), changed);
    int affected = 0, unaffected = 0;
    for (std::size_t f = 0; f < s0.size(); ++f) {
        const double value = referenceValues(fl, f, base)[std::size_t(factor)];
        const int before = breakdownMilli(s0, f, Factor(factor));
        const int after = breakdownMilli(s1, f, Factor(factor));
        // Every other factor's contribution is untouched.
        for (int k = 0; k < FactorCount; ++k)
            if (k != factor)
                QCOMPARE(breakdownMilli(s1, f, Factor(k)), breakdownMilli(s0, f, Factor(k)));
        const int diff = milli(s1.risk(f)) - milli(s0.risk(f));
        if (value > 0) {
            ++affected;
            QVERIFY2(before > 0, qPrintable(QStringLiteral("finding %1 contributes 0").arg(f)));
            QCOMPARE(diff, after - before);
            if (raise) {
                QVERIFY(std::abs(after - milli(value * changed.weights[std::size_t(factor)])) <= 1);
                QVERIFY(diff > 0);
            } else {
                QCOMPARE(after, 0);
                QCOMPARE(diff, -before);
            }
        } else {
            ++unaffected;
            QCOMPARE(before, 0);
            QCOMPARE(after, 0);
            QCOMPARE(diff, 0);
        }
        // Nothing but the score moves.
        QCOMPARE(s1.severity(f), s0.severity(f));
        QCOMPARE(s1.decision(f), s0.decision(f));
        QCOMPARE(s1.slaDue(f), s0.slaDue(f));
    }
    QVERIFY(affected > 0);
    const Factor k = Factor(factor);
    if (k != Factor::Severity && k != Factor::Reachability)
        QVERIFY2(unaffected > 0, "the fleet has findings without this factor");
}

void TestRiskEngine::epssProofOfConceptChangesOnlyDecisions()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    Policy raised;
    raised.epssProofOfConcept = 0.5;
    const Scoring s0 = Scoring::compute(facts, Policy{});
    const Scoring s1 = Scoring::compute(facts, raised);
    int changed = 0;
    for (std::size_t f = 0; f < facts.size(); ++f) {
        QCOMPARE(s1.risk(f), s0.risk(f));
        QCOMPARE(s1.rank(f), s0.rank(f));
        QCOMPARE(s1.slaDue(f), s0.slaDue(f));
        const VulnFacts &v = facts.vulns[facts.vuln[f]];
        const bool betweenThresholds = !v.kev && v.epss >= 0.1f && v.epss < 0.5f;
        QCOMPARE(s0.exploitation(f),
                 v.kev            ? Exploitation::Active
                 : v.epss >= 0.1f ? Exploitation::ProofOfConcept
                                  : Exploitation::None);
        QCOMPARE(s1.exploitation(f), betweenThresholds ? Exploitation::None : s0.exploitation(f));
        if (!betweenThresholds)
            QCOMPARE(s1.decision(f), s0.decision(f));
        changed += s1.decision(f) != s0.decision(f);
    }
    QVERIFY2(changed > 0, "some decision depends on the threshold");
}

void TestRiskEngine::slaDaysChangeOnlySlaDueOfThatSeverity()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    Policy longer;
    longer.slaDays[std::size_t(Severity::High)] = 45;
    const Scoring s0 = Scoring::compute(facts, Policy{});
    const Scoring s1 = Scoring::compute(facts, longer);
    int high = 0;
    for (std::size_t f = 0; f < facts.size(); ++f) {
        QCOMPARE(s1.risk(f), s0.risk(f));
        QCOMPARE(s1.decision(f), s0.decision(f));
        if (facts.firstSeen[f] == 0) {
            QCOMPARE(s1.slaDue(f), std::int64_t(0));
            continue;
        }
        if (expectedSeverity(facts, f) == Severity::High) {
            ++high;
            QCOMPARE(s0.slaDue(f), facts.firstSeen[f] + 30 * kDay);
            QCOMPARE(s1.slaDue(f), facts.firstSeen[f] + 45 * kDay);
        } else {
            QCOMPARE(s1.slaDue(f), s0.slaDue(f));
        }
        QCOMPARE(s1.slaBreached(f), isOpenFinding(facts, f) && kNow > s1.slaDue(f));
    }
    QVERIFY(high > 0);
}

void TestRiskEngine::prevalenceHalfChangesOnlyPrevalence()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    Policy p;
    p.prevalenceHalf = 5;
    const Scoring s0 = Scoring::compute(facts, Policy{});
    const Scoring s1 = Scoring::compute(facts, p);
    for (std::size_t f = 0; f < facts.size(); ++f) {
        for (int k = 0; k < FactorCount; ++k)
            if (Factor(k) != Factor::Prevalence)
                QCOMPARE(breakdownMilli(s1, f, Factor(k)), breakdownMilli(s0, f, Factor(k)));
        const int c = facts.images[facts.image[f]].runningContainers;
        QCOMPARE(breakdownMilli(s1, f, Factor::Prevalence), milli(c / (c + 5.0)));
        QCOMPARE(milli(s1.risk(f)) - milli(s0.risk(f)),
                 breakdownMilli(s1, f, Factor::Prevalence) -
                     breakdownMilli(s0, f, Factor::Prevalence));
        if (c == 0)
            QCOMPARE(s1.risk(f), s0.risk(f));
    }
}

void TestRiskEngine::exposureHalfDaysChangesOnlyExposureTime()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    Policy p;
    p.exposureHalfDays = 7;
    const Scoring s0 = Scoring::compute(facts, Policy{});
    const Scoring s1 = Scoring::compute(facts, p);
    for (std::size_t f = 0; f < facts.size(); ++f) {
        for (int k = 0; k < FactorCount; ++k)
            if (Factor(k) != Factor::ExposureTime)
                QCOMPARE(breakdownMilli(s1, f, Factor(k)), breakdownMilli(s0, f, Factor(k)));
        const double days = expectedExposureDays(facts, f);
        QCOMPARE(s1.exposureDays(f), days);
        QVERIFY(std::abs(breakdownMilli(s1, f, Factor::ExposureTime) -
                         milli(days / (days + 7) * 0.5)) <= 1);
    }
}

void TestRiskEngine::cvssShareChangesOnlySeverity()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    Policy p;
    p.cvssShare = 0.8;
    const Scoring s0 = Scoring::compute(facts, Policy{});
    const Scoring s1 = Scoring::compute(facts, p);
    int withoutCvss = 0, moved = 0;
    for (std::size_t f = 0; f < facts.size(); ++f) {
        for (int k = 1; k < FactorCount; ++k)
            QCOMPARE(breakdownMilli(s1, f, Factor(k)), breakdownMilli(s0, f, Factor(k)));
        const double rating = p.ratingValues[std::size_t(expectedSeverity(facts, f))];
        const int tenths = expectedCvssTenths(facts, f);
        if (tenths < 0) {
            // Without CVSS both halves are the rating: the share cannot matter.
            ++withoutCvss;
            QCOMPARE(s1.risk(f), s0.risk(f));
            continue;
        }
        // C = (score + its band's value) / 2.
        const int expected = milli((0.2 * rating + 0.8 * cvssPart(tenths, rating, p)) / 10 * 3.5);
        QVERIFY(std::abs(breakdownMilli(s1, f, Factor::Severity) - expected) <= 1);
        moved += s1.risk(f) != s0.risk(f);
    }
    QVERIFY(withoutCvss > 0);
    QVERIFY(moved > 0);
}

void TestRiskEngine::severityMode_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("xSeverity");
    QTest::addColumn<QString>("xSource");
    QTest::addColumn<int>("wSeverity");
    QTest::addColumn<QString>("wSource");
    // X: Red Hat Medium, NVD Critical, scanner High, NVD CVSS 7.5 (High), on a Red Hat
    // image. W: only NVD Low, no scanner pick, no CVSS.
    const auto row = [](const char *name,
                        const char *json,
                        Severity x,
                        const char *xs,
                        Severity w,
                        const char *ws) {
        QTest::newRow(name) << QString::fromLatin1(json) << int(x) << QString::fromLatin1(xs)
                            << int(w) << QString::fromLatin1(ws);
    };
    row("vendor-first (default)", "{}", Severity::Medium, "redhat", Severity::Low, "nvd");
    row("nvd-first",
        R"({"severity": {"mode": "nvd-first"}})",
        Severity::Critical,
        "nvd",
        Severity::Low,
        "nvd");
    row("highest",
        R"({"severity": {"mode": "highest"}})",
        Severity::Critical,
        "nvd",
        Severity::Low,
        "nvd");
    row("list scanner,nvd",
        R"({"severity": {"mode": "list", "sources": ["scanner", "nvd"]}})",
        Severity::High,
        "scanner",
        Severity::Low,
        "nvd");
    row("list ghsa,vendor",
        R"({"severity": {"mode": "list", "sources": ["ghsa", "vendor"]}})",
        Severity::Medium,
        "redhat",
        Severity::Unknown,
        "");
    row("list ghsa (CVSS band)",
        R"({"severity": {"mode": "list", "sources": ["ghsa"]}})",
        Severity::High,
        "cvss",
        Severity::Unknown,
        "");
    row("list nvd,vendor",
        R"({"severity": {"mode": "list", "sources": ["NVD", "vendor"]}})",
        Severity::Critical,
        "nvd",
        Severity::Low,
        "nvd");
    row("list *",
        R"({"severity": {"mode": "list", "sources": ["*"]}})",
        Severity::Medium,
        "redhat",
        Severity::Low,
        "nvd");
}

void TestRiskEngine::severityMode()
{
    QFETCH(QString, json);
    QFETCH(int, xSeverity);
    QFETCH(QString, xSource);
    QFETCH(int, wSeverity);
    QFETCH(QString, wSource);
    Builder b;
    const std::uint32_t image = b.vendorImage("redhat");
    const std::uint32_t x = b.vuln();
    b.rate(x, "redhat", Severity::Medium);
    b.rate(x, "nvd", Severity::Critical);
    b.cvss(x, "nvd", kV31N75);
    const std::uint32_t y = b.vuln(); // rated High by everyone
    b.rate(y, "redhat", Severity::High);
    b.rate(y, "nvd", Severity::High);
    b.cvss(y, "nvd", kV31N75);
    const std::uint32_t z = b.vuln(); // nothing known
    const std::uint32_t w = b.vuln();
    b.rate(w, "nvd", Severity::Low);
    const std::size_t fx = b.finding({.image = image, .vuln = x, .scannerPick = Severity::High});
    const std::size_t fy = b.finding({.image = image, .vuln = y, .scannerPick = Severity::High});
    const std::size_t fz = b.finding({.image = image, .vuln = z});
    const std::size_t fw = b.finding({.image = image, .vuln = w});

    const Scoring def = Scoring::compute(b.facts, Policy{});
    const Scoring s = Scoring::compute(b.facts, parsed(json.toUtf8().constData()));
    QCOMPARE(int(s.severity(fx)), xSeverity);
    QCOMPARE(qs(s.severitySource(fx)), xSource);
    QCOMPARE(int(s.severity(fw)), wSeverity);
    QCOMPARE(qs(s.severitySource(fw)), wSource);
    // The severity contribution follows the rating; the CVSS part is C = (7.5 + High's 8.0) /
    // 2 = 7.75 whatever the rating: (rating + 7.75) / 20 × 3.5.
    const double rating = Policy{}.ratingValues[std::size_t(xSeverity)];
    QVERIFY(std::abs(breakdownMilli(s, fx, Factor::Severity) - milli((rating + 7.75) / 20 * 3.5)) <=
            1);
    for (int k = 1; k < FactorCount; ++k)
        QCOMPARE(breakdownMilli(s, fx, Factor(k)), breakdownMilli(def, fx, Factor(k)));
    // Rated the same everywhere, or not at all: the mode changes nothing.
    QCOMPARE(s.severity(fy), Severity::High);
    QCOMPARE(s.risk(fy), def.risk(fy));
    QCOMPARE(s.severity(fz), Severity::Unknown);
    QCOMPARE(qs(s.severitySource(fz)), QString());
    QCOMPARE(s.risk(fz), def.risk(fz));
}

void TestRiskEngine::cvssChoice_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<int>("redhatRecord"); // the finding on the Red Hat image
    QTest::addColumn<int>("debianRecord"); // the finding on the Debian image
    // Records: 0 NVD 3.1 (6.5), 1 NVD 4.0 (9.3), 2 Red Hat 3.1 (7.5), 3 GHSA 3.0 (3.3).
    QTest::newRow("default: NVD, 4.0 first") << QStringLiteral("{}") << 1 << 1;
    QTest::newRow("versions 3.1, 4.0")
        << QStringLiteral(R"({"cvss": {"versions": ["3.1", "4.0"]}})") << 0 << 0;
    QTest::newRow("vendor first") << QStringLiteral(R"({"cvss": {"sources": ["vendor", "nvd"]}})")
                                  << 2 << 1;
    QTest::newRow("redhat explicitly")
        << QStringLiteral(R"({"cvss": {"sources": ["redhat"]}})") << 2 << 2;
    QTest::newRow("ghsa only") << QStringLiteral(R"({"cvss": {"sources": ["ghsa"]}})") << 3 << 3;
    QTest::newRow("ghsa, 4.0 only")
        << QStringLiteral(R"({"cvss": {"sources": ["ghsa"], "versions": ["4.0"]}})") << -1 << -1;
    QTest::newRow("any, 3.0 first")
        << QStringLiteral(R"({"cvss": {"sources": ["*"], "versions": ["3.0", "3.1"]}})") << 3 << 3;
    QTest::newRow("any, 3.1") << QStringLiteral(
                                     R"({"cvss": {"sources": ["*"], "versions": ["3.1"]}})")
                              << 0 << 0;
    QTest::newRow("unknown source skipped")
        << QStringLiteral(R"({"cvss": {"sources": ["osv", "nvd"], "versions": ["3.1"]}})") << 0
        << 0;
    QTest::newRow("2.0 only: none")
        << QStringLiteral(R"({"cvss": {"versions": ["2.0"]}})") << -1 << -1;
}

void TestRiskEngine::cvssChoice()
{
    QFETCH(QString, json);
    QFETCH(int, redhatRecord);
    QFETCH(int, debianRecord);
    Builder b;
    const std::uint32_t rh = b.vendorImage("redhat");
    const std::uint32_t deb = b.vendorImage("debian");
    const std::uint32_t v = b.vuln();
    QCOMPARE(b.cvss(v, "nvd", kV31N65), std::int16_t(65));
    QCOMPARE(b.cvss(v, "nvd", kV40N93), std::int16_t(93));
    QCOMPARE(b.cvss(v, "redhat", kV31N75), std::int16_t(75));
    QCOMPARE(b.cvss(v, "ghsa", kV30L33), std::int16_t(33));
    const std::size_t f0 = b.finding({.image = rh, .vuln = v});
    const std::size_t f1 = b.finding({.image = deb, .vuln = v});
    const Scoring s = Scoring::compute(b.facts, parsed(json.toUtf8().constData()));

    // Without ratings the severity is the chosen record's band.
    static constexpr std::int16_t tenths[] = {65, 93, 75, 33};
    static constexpr Severity bands[] = {
        Severity::Medium, Severity::Critical, Severity::High, Severity::Low};
    static constexpr const char *sources[] = {"nvd", "nvd", "redhat", "ghsa"};
    static constexpr const char *texts[] = {kV31N65, kV40N93, kV31N75, kV30L33};
    static constexpr cvss::Version versions[] = {
        cvss::Version::V3_1, cvss::Version::V4_0, cvss::Version::V3_1, cvss::Version::V3_0};
    for (const auto &[f, record] : {std::pair{f0, redhatRecord}, std::pair{f1, debianRecord}}) {
        const CvssChoice c = s.cvss(f);
        QCOMPARE(c.record, record);
        if (record < 0) {
            QCOMPARE(s.cvssTenths(f), std::int16_t(-1));
            QCOMPARE(c.environmentalTenths, std::int16_t(-1));
            QCOMPARE(s.severity(f), Severity::Unknown);
            QCOMPARE(qs(s.severitySource(f)), QString());
            // Neither CVSS nor a rating: the severity factor is the unknown rating's 5.0.
            QCOMPARE(breakdownMilli(s, f, Factor::Severity), 1750);
            continue;
        }
        const auto r = std::size_t(record);
        QCOMPARE(qs(b.facts.sources[c.source]), QString::fromLatin1(sources[r]));
        QCOMPARE(c.version, versions[r]);
        QCOMPARE(c.baseTenths, tenths[r]);
        QCOMPARE(s.cvssTenths(f), tenths[r]);
        QCOMPARE(s.severity(f), bands[r]);
        QCOMPARE(qs(s.severitySource(f)), QStringLiteral("cvss"));
        QCOMPARE(qs(c.vector), QString::fromLatin1(texts[r])); // no overrides: the record as is
    }
}

// ---------------------------------------------------------------------------------------
// Environmental overrides. The base vector kV31N73 scores 7.3; with CR/IR/AR all H,
// 6.42 × (1 − 0.67³) + 3.887 = 8.376 → 8.4; all L: 6.42 × (1 − 0.89³) + 3.887 = 5.781 → 5.8;
// MAV:A: 3.373 + 8.22 × 0.62 × 0.77 × 0.85 × 0.85 = 6.209 → 6.3.

void TestRiskEngine::environmentalFleet()
{
    const std::string base = kV31N73;
    QCOMPARE(envOf(base + "/CR:H/IR:H/AR:H"), std::int16_t(84)); // the hand value, by the library
    Builder b;
    const std::uint32_t running = b.runningImage(2, true);
    const std::uint32_t idle = b.image();
    const std::uint32_t v3 = b.vuln();
    b.cvss(v3, "nvd", kV31N73);
    const std::uint32_t v2 = b.vuln();
    b.cvss(v2, "nvd", kV2N75);
    const std::uint32_t v4 = b.vuln();
    b.cvss(v4, "nvd", kV40N93);
    const std::uint32_t none = b.vuln();
    std::vector<std::size_t> f;
    for (std::uint32_t image : {running, idle})
        for (std::uint32_t vuln : {v3, v2, v4, none})
            f.push_back(b.finding({.image = image, .vuln = vuln}));

    const Scoring s0 = Scoring::compute(b.facts, Policy{});
    const Scoring s1 = Scoring::compute(
        b.facts,
        parsed(
            R"({"environmental": [{"scope": "fleet", "metrics": {"CR": "H", "IR": "H", "AR": "H"}}]})"));
    for (int i : {0, 4}) {
        QCOMPARE(s0.cvssTenths(f[std::size_t(i)]), std::int16_t(73));
        QCOMPARE(qs(s0.cvss(f[std::size_t(i)]).vector), QString::fromLatin1(kV31N73));
        QCOMPARE(s1.cvssTenths(f[std::size_t(i)]), std::int16_t(84));
        QCOMPARE(s1.cvss(f[std::size_t(i)]).environmentalTenths, std::int16_t(84));
        QCOMPARE(s1.cvss(f[std::size_t(i)]).baseTenths, std::int16_t(73));
        QCOMPARE(qs(s1.cvss(f[std::size_t(i)]).vector), qs(base + "/CR:H/IR:H/AR:H"));
        // The rating stays the base's band, High (R 8.0); C takes the environmental score and
        // its band, also High: (8.4 + 8.0) / 2 = 8.2 → (0.5 × 8.0 + 0.5 × 8.2) / 10 × 3.5 =
        // 0.81 × 3.5 = 2.835.
        QCOMPARE(breakdownMilli(s1, f[std::size_t(i)], Factor::Severity), 2835);
        for (int k = 1; k < FactorCount; ++k)
            QCOMPARE(breakdownMilli(s1, f[std::size_t(i)], Factor(k)),
                     breakdownMilli(s0, f[std::size_t(i)], Factor(k)));
    }
    // v2.0: adjusted impact 10.41 × (1 − (1 − 0.275 × 1.51)³) = 8.329 → (0.6 × 8.329 + 0.4 ×
    // 9.997 − 1.5) × 1.176 = 8.8.
    for (int i : {1, 5}) {
        QCOMPARE(s0.cvssTenths(f[std::size_t(i)]), std::int16_t(75));
        QCOMPARE(s1.cvssTenths(f[std::size_t(i)]), std::int16_t(88));
        QCOMPARE(qs(s1.cvss(f[std::size_t(i)]).vector),
                 qs(std::string(kV2N75) + "/CR:H/IR:H/AR:H"));
    }
    for (int i : {2, 6}) {
        QCOMPARE(s1.cvssTenths(f[std::size_t(i)]), envOf(std::string(kV40N93) + "/CR:H/IR:H/AR:H"));
        QVERIFY(s1.cvssTenths(f[std::size_t(i)]) >= s0.cvssTenths(f[std::size_t(i)]));
    }
    for (int i : {3, 7}) {
        QCOMPARE(s1.cvssTenths(f[std::size_t(i)]), std::int16_t(-1));
        QCOMPARE(s1.risk(f[std::size_t(i)]), s0.risk(f[std::size_t(i)]));
    }
}

void TestRiskEngine::environmentalNamespace()
{
    const std::string base = kV31N73;
    QCOMPARE(envOf(base + "/CR:L/IR:L/AR:L"), std::int16_t(58));
    Builder b;
    const std::vector<std::vector<std::string>> namespaces{
        {"prod"}, {"dev"}, {"dev", "prod"}, {}, {"dev", "staging"}};
    const std::uint32_t v = b.vuln();
    b.cvss(v, "nvd", kV31N73);
    std::vector<std::size_t> f;
    for (const auto &ns : namespaces) {
        ImageFacts im;
        im.runningContainers = 1;
        im.namespaces = ns;
        f.push_back(b.finding({.image = b.image(im), .vuln = v}));
    }
    Policy prod;
    prod.environmental.push_back(
        {EnvironmentalOverride::Scope::Namespace, "prod", {{"CR", "H"}, {"IR", "H"}, {"AR", "H"}}});
    const Scoring s1 = Scoring::compute(b.facts, prod);
    // prod, dev, dev+prod (worst of plain and prod), none, dev+staging.
    const std::vector<int> expected1{84, 73, 84, 73, 73};
    for (std::size_t i = 0; i < f.size(); ++i)
        QCOMPARE(int(s1.cvssTenths(f[i])), expected1[i]);

    Policy both = prod;
    both.environmental.push_back(
        {EnvironmentalOverride::Scope::Namespace, "dev", {{"CR", "L"}, {"IR", "L"}, {"AR", "L"}}});
    const Scoring s2 = Scoring::compute(b.facts, both);
    // dev+prod: both namespaces overridden, the worst (prod) counts; dev+staging: staging
    // keeps the plain vector, which is worse than dev's.
    const std::vector<int> expected2{84, 58, 84, 73, 73};
    for (std::size_t i = 0; i < f.size(); ++i)
        QCOMPARE(int(s2.cvssTenths(f[i])), expected2[i]);
    QCOMPARE(qs(s2.cvss(f[1]).vector), qs(base + "/CR:L/IR:L/AR:L"));
    QCOMPARE(qs(s2.cvss(f[2]).vector), qs(base + "/CR:H/IR:H/AR:H"));
    QCOMPARE(qs(s2.cvss(f[4]).vector), qs(base));
    // A lower environmental score lowers the risk, only there.
    const Scoring s0 = Scoring::compute(b.facts, Policy{});
    QVERIFY(s2.risk(f[1]) < s0.risk(f[1]));
    QCOMPARE(s2.risk(f[3]), s0.risk(f[3]));
    QCOMPARE(s2.risk(f[4]), s0.risk(f[4]));
}

void TestRiskEngine::environmentalRepository()
{
    const std::string base = kV31N73;
    Builder b;
    const std::vector<std::vector<std::string>> repositories{
        {"docker.io/library/nginx"},
        {"ghcr.io/acme/api"},
        {"docker.io/library/nginx-extra"},
        {"docker.io/library/redis", "docker.io/library/nginx"},
    };
    const std::uint32_t v = b.vuln();
    b.cvss(v, "nvd", kV31N73);
    std::vector<std::size_t> f;
    for (const auto &repos : repositories) {
        ImageFacts im;
        im.repositories = repos;
        f.push_back(b.finding({.image = b.image(im), .vuln = v}));
    }
    const Scoring s = Scoring::compute(
        b.facts, parsed(R"({"environmental": [{"scope": "repository:docker.io/library/nginx",
                                      "metrics": {"CR": "H", "IR": "H", "AR": "H"}}]})"));
    const std::vector<int> expected{84, 73, 73, 84};
    for (std::size_t i = 0; i < f.size(); ++i)
        QCOMPARE(int(s.cvssTenths(f[i])), expected[i]);
    QCOMPARE(qs(s.cvss(f[2]).vector), qs(base));
    QCOMPARE(qs(s.cvss(f[3]).vector), qs(base + "/CR:H/IR:H/AR:H"));
}

void TestRiskEngine::environmentalMostSpecificWins()
{
    const std::string base = kV31N73;
    // CR/IR medium, AR high: 6.42 × (1 − 0.78² × 0.67) + 3.887 = 7.690 → 7.7; AR low:
    // 6.42 × (1 − 0.78² × 0.89) + 3.887 = 6.831 → 6.9.
    QCOMPARE(envOf(base + "/CR:M/IR:M/AR:H"), std::int16_t(77));
    QCOMPARE(envOf(base + "/CR:M/IR:M/AR:L"), std::int16_t(69));
    // Listed most specific first: the policy sorts them.
    const Policy p = parsed(R"({"environmental": [
        {"scope": "repository:docker.io/library/nginx", "metrics": {"CR": "M", "IR": "M"}},
        {"scope": "namespace:prod", "metrics": {"CR": "H", "IR": "H", "AR": "H"}},
        {"scope": "fleet", "metrics": {"CR": "L", "IR": "L", "AR": "L"}, "comment": "default"}]})");
    QCOMPARE(p.environmental.size(), std::size_t(3));
    QCOMPARE(p.environmental[0].scope, EnvironmentalOverride::Scope::Fleet);
    QCOMPARE(p.environmental[1].scope, EnvironmentalOverride::Scope::Namespace);
    QCOMPARE(p.environmental[1].value, std::string("prod"));
    QCOMPARE(p.environmental[2].scope, EnvironmentalOverride::Scope::Repository);
    QCOMPARE(p.environmental[2].value, std::string("docker.io/library/nginx"));

    Builder b;
    const std::uint32_t v = b.vuln();
    b.cvss(v, "nvd", kV31N73);
    const auto image = [&](std::vector<std::string> repos, std::vector<std::string> ns) {
        ImageFacts im;
        im.runningContainers = 1;
        im.repositories = std::move(repos);
        im.namespaces = std::move(ns);
        return b.image(im);
    };
    const std::size_t nginxProd =
        b.finding({.image = image({"docker.io/library/nginx"}, {"prod"}), .vuln = v});
    const std::size_t otherProd =
        b.finding({.image = image({"ghcr.io/acme/x"}, {"prod"}), .vuln = v});
    const std::size_t otherDev =
        b.finding({.image = image({"ghcr.io/acme/x"}, {"dev"}), .vuln = v});
    const std::size_t nginxNowhere =
        b.finding({.image = image({"docker.io/library/nginx"}, {}), .vuln = v});
    const Scoring s = Scoring::compute(b.facts, p);
    QCOMPARE(s.cvssTenths(nginxProd), std::int16_t(77));
    QCOMPARE(qs(s.cvss(nginxProd).vector), qs(base + "/CR:M/IR:M/AR:H"));
    QCOMPARE(s.cvssTenths(otherProd), std::int16_t(84));
    QCOMPARE(s.cvssTenths(otherDev), std::int16_t(58));
    QCOMPARE(qs(s.cvss(otherDev).vector), qs(base + "/CR:L/IR:L/AR:L"));
    QCOMPARE(s.cvssTenths(nginxNowhere), std::int16_t(69));
    QCOMPARE(qs(s.cvss(nginxNowhere).vector), qs(base + "/CR:M/IR:M/AR:L"));
}

void TestRiskEngine::unexposedAdjacentRule()
{
    const std::string n = kV31N73;
    QCOMPARE(envOf(n + "/MAV:A"), std::int16_t(63));
    // MAV:A with CR/IR/AR high: 4.489 + 2.835 = 7.324 → 7.4.
    QCOMPARE(envOf(n + "/CR:H/IR:H/AR:H/MAV:A"), std::int16_t(74));
    QCOMPARE(Policy{}.ruleUnexposedAdjacent, false);
    Builder b;
    const std::uint32_t exposed = b.runningImage(2, true);
    const std::uint32_t internal = b.runningImage(2, false);
    const std::uint32_t idle = b.image();
    const std::uint32_t vN = b.vuln();
    b.cvss(vN, "nvd", kV31N73);
    const std::uint32_t vL = b.vuln();
    b.cvss(vL, "nvd", kV31L78);
    std::vector<std::size_t> fN, fL;
    for (std::uint32_t image : {exposed, internal, idle}) {
        fN.push_back(b.finding({.image = image, .vuln = vN}));
        fL.push_back(b.finding({.image = image, .vuln = vL}));
    }
    const Scoring off = Scoring::compute(b.facts, Policy{});
    Policy rule;
    rule.ruleUnexposedAdjacent = true;
    const Scoring on = Scoring::compute(b.facts, rule);
    for (std::size_t i = 0; i < 3; ++i) {
        QCOMPARE(off.cvssTenths(fN[i]), std::int16_t(73));
        QCOMPARE(qs(off.cvss(fN[i]).vector), qs(n));
        // AV:L vectors are never raised to adjacent.
        QCOMPARE(on.cvssTenths(fL[i]), std::int16_t(78));
        QCOMPARE(qs(on.cvss(fL[i]).vector), qs(std::string(kV31L78)));
        QCOMPARE(on.risk(fL[i]), off.risk(fL[i]));
    }
    QCOMPARE(on.cvssTenths(fN[0]), std::int16_t(73));
    QCOMPARE(on.risk(fN[0]), off.risk(fN[0]));
    for (std::size_t i : {1, 2}) {
        QCOMPARE(on.cvssTenths(fN[i]), std::int16_t(63));
        QCOMPARE(qs(on.cvss(fN[i]).vector), qs(n + "/MAV:A"));
        QVERIFY(on.risk(fN[i]) < off.risk(fN[i]));
        // Only the CVSS score moves; exposure and reachability still see AV:N.
        for (int k = 1; k < FactorCount; ++k)
            QCOMPARE(breakdownMilli(on, fN[i], Factor(k)), breakdownMilli(off, fN[i], Factor(k)));
    }
    // Together with a fleet override.
    rule.environmental.push_back(
        {EnvironmentalOverride::Scope::Fleet, {}, {{"CR", "H"}, {"IR", "H"}, {"AR", "H"}}});
    const Scoring both = Scoring::compute(b.facts, rule);
    QCOMPARE(both.cvssTenths(fN[0]), std::int16_t(84));
    QCOMPARE(both.cvssTenths(fN[1]), std::int16_t(74));
    QCOMPARE(qs(both.cvss(fN[1]).vector), qs(n + "/CR:H/IR:H/AR:H/MAV:A"));
}

void TestRiskEngine::unexposedAdjacentKeepsExplicitMav()
{
    // An explicit MAV override applies to every finding in scope; the rule (which only ever
    // adds MAV:A to AV:N vectors) must not switch it off for other vectors.
    // MAV:P on the 7.8 AV:L vector: 5.873 + 8.22 × 0.2 × 0.77 × 0.62 × 0.85 = 6.540 → 6.6;
    // on the AV:N 7.3 vector: 3.373 + 8.22 × 0.2 × 0.77 × 0.85 × 0.85 = 4.288 → 4.3.
    const std::string l = kV31L78, n = kV31N73;
    QCOMPARE(envOf(l + "/MAV:P"), std::int16_t(66));
    QCOMPARE(envOf(n + "/MAV:P"), std::int16_t(43));
    Builder b;
    const std::uint32_t exposed = b.runningImage(1, true);
    const std::uint32_t internal = b.runningImage(1, false);
    const std::uint32_t vL = b.vuln();
    b.cvss(vL, "nvd", kV31L78);
    const std::uint32_t vN = b.vuln();
    b.cvss(vN, "nvd", kV31N73);
    const std::size_t lExposed = b.finding({.image = exposed, .vuln = vL});
    const std::size_t lInternal = b.finding({.image = internal, .vuln = vL});
    const std::size_t nInternal = b.finding({.image = internal, .vuln = vN});
    Policy p;
    p.environmental.push_back({EnvironmentalOverride::Scope::Fleet, {}, {{"MAV", "P"}}});
    const Scoring ruleOff = Scoring::compute(b.facts, p);
    QCOMPARE(ruleOff.cvssTenths(lExposed), std::int16_t(66));
    QCOMPARE(ruleOff.cvssTenths(lInternal), std::int16_t(66));
    QCOMPARE(ruleOff.cvssTenths(nInternal), std::int16_t(43));
    p.ruleUnexposedAdjacent = true;
    const Scoring ruleOn = Scoring::compute(b.facts, p);
    // The explicit override replaces the rule's MAV:A on the AV:N vector …
    QCOMPARE(ruleOn.cvssTenths(nInternal), std::int16_t(43));
    QCOMPARE(qs(ruleOn.cvss(nInternal).vector), qs(n + "/MAV:P"));
    // … and still applies to the AV:L vectors, exposed or not.
    QCOMPARE(qs(ruleOn.cvss(lExposed).vector), qs(l + "/MAV:P"));
    QCOMPARE(ruleOn.cvssTenths(lExposed), std::int16_t(66));
    QCOMPARE(ruleOn.cvssTenths(lInternal), std::int16_t(66));
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::ssvcDecision_data()
{
    QTest::addColumn<bool>("kev");
    QTest::addColumn<double>("epss");
    QTest::addColumn<QString>("vector");
    QTest::addColumn<int>("containers");
    QTest::addColumn<bool>("exposed");
    QTest::addColumn<int>("exploitation");
    QTest::addColumn<bool>("automatable");
    QTest::addColumn<bool>("total");
    QTest::addColumn<int>("decision");
    using enum Decision;
    const auto row = [](const char *name,
                        bool kev,
                        double epss,
                        const char *vector,
                        int containers,
                        bool exposed,
                        Exploitation e,
                        bool automatable,
                        bool total,
                        Decision d) {
        QTest::newRow(name) << kev << epss << QString::fromLatin1(vector) << containers << exposed
                            << int(e) << automatable << total << int(d);
    };
    const auto A = Exploitation::Active, P = Exploitation::ProofOfConcept, N = Exploitation::None;
    row("active auto total exposed", true, 0.01, kV31N98, 3, true, A, true, true, Act);
    row("active auto total running", true, 0.01, kV31N98, 3, false, A, true, true, Act);
    row("active auto total idle", true, 0.01, kV31N98, 0, false, A, true, true, Attend);
    row("active auto total exposed flag but idle",
        true,
        0.01,
        kV31N98,
        0,
        true,
        A,
        true,
        true,
        Attend);
    row("active auto partial idle", true, -1, kV31N75, 0, false, A, true, false, Attend);
    row("active manual total running", true, -1, kV31L78, 1, false, A, false, true, Attend);
    row("active manual partial idle", true, -1, kV31L33, 0, false, A, false, false, Track);
    row("active manual partial exposed", true, -1, kV31L33, 1, true, A, false, false, Attend);
    row("active AC:H total running",
        true,
        -1,
        "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H",
        1,
        false,
        A,
        false,
        true,
        Attend);
    row("active v2 auto total idle",
        true,
        -1,
        "AV:N/AC:L/Au:N/C:C/I:C/A:C",
        0,
        false,
        A,
        true,
        true,
        Attend);
    row("poc auto total running", false, 0.2, kV31N98, 2, false, P, true, true, TrackStar);
    row("poc manual partial exposed", false, 0.5, kV31L33, 2, true, P, false, false, TrackStar);
    row("poc manual total running", false, 0.2, kV31L78, 2, false, P, false, true, TrackStar);
    row("poc auto partial exposed", false, 0.2, kV31N75, 2, true, P, true, false, Attend);
    row("poc v4 auto total exposed", false, 0.2, kV40N93, 2, true, P, true, true, Attend);
    row("poc auto partial idle", false, 0.2, kV31N75, 0, false, P, true, false, Track);
    row("none auto total exposed", false, 0.01, kV31N98, 1, true, N, true, true, Attend);
    row("none auto total running", false, 0.01, kV31N98, 1, false, N, true, true, Track);
    row("none manual total exposed", false, 0.01, kV31L78, 1, true, N, false, true, TrackStar);
    row("none manual partial exposed", false, -1, kV31L33, 1, true, N, false, false, Track);
    row("none UI:R partial exposed",
        false,
        0.05,
        "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:N/A:N",
        1,
        true,
        N,
        false,
        false,
        Track);
    row("none no CVSS exposed", false, -1, "", 1, true, N, false, false, Track);
}

void TestRiskEngine::ssvcDecision()
{
    QFETCH(bool, kev);
    QFETCH(double, epss);
    QFETCH(QString, vector);
    QFETCH(int, containers);
    QFETCH(bool, exposed);
    QFETCH(int, exploitation);
    QFETCH(bool, automatable);
    QFETCH(bool, total);
    QFETCH(int, decision);
    Builder b;
    ImageFacts im;
    im.runningContainers = containers;
    im.internetExposed = exposed;
    const std::uint32_t image = b.image(im);
    VulnFacts vf;
    vf.kev = kev;
    vf.epss = float(epss);
    const std::uint32_t v = b.vuln(vf);
    if (!vector.isEmpty())
        b.cvss(v, "nvd", vector.toStdString());
    const std::size_t f = b.finding({.image = image, .vuln = v});
    const Scoring s = Scoring::compute(b.facts, Policy{});
    QCOMPARE(int(s.exploitation(f)), exploitation);
    QCOMPARE(s.automatable(f), automatable);
    QCOMPARE(s.totalTechnicalImpact(f), total);
    QCOMPARE(qs(decisionName(s.decision(f))), qs(decisionName(Decision(decision))));
    QCOMPARE(s.decision(f),
             cisaDecision(Exploitation(exploitation),
                          automatable,
                          total,
                          containers == 0 ? 0
                          : exposed       ? 2
                                          : 1));
}

void TestRiskEngine::ssvcOnFleet()
{
    const Fleet &fl = standardFleet();
    const Facts &facts = fl.facts();
    const Scoring s = Scoring::compute(facts, Policy{});
    for (std::size_t f = 0; f < facts.size(); ++f) {
        const VulnFacts &v = facts.vulns[facts.vuln[f]];
        const ImageFacts &im = facts.images[facts.image[f]];
        const int spec = fl.vectorOf[facts.vuln[f]];
        const bool automatable = spec >= 0 && kVectors[spec].automatable;
        const bool total = spec >= 0 && kVectors[spec].totalImpact;
        const Exploitation e = v.kev            ? Exploitation::Active
                               : v.epss >= 0.1f ? Exploitation::ProofOfConcept
                                                : Exploitation::None;
        QCOMPARE(s.automatable(f), automatable);
        QCOMPARE(s.totalTechnicalImpact(f), total);
        QCOMPARE(s.exploitation(f), e);
        const int mission = im.runningContainers == 0 ? 0 : im.internetExposed ? 2 : 1;
        QCOMPARE(s.decision(f), cisaDecision(e, automatable, total, mission));
    }
}

void TestRiskEngine::exploitationThreshold_data()
{
    QTest::addColumn<float>("epss");
    QTest::addColumn<double>("threshold");
    QTest::addColumn<bool>("kev");
    QTest::addColumn<int>("expected");
    const int none = int(Exploitation::None), poc = int(Exploitation::ProofOfConcept),
              active = int(Exploitation::Active);
    QTest::newRow("0.1 at 0.1") << 0.1f << 0.1 << false << poc;
    QTest::newRow("0.09 at 0.1") << 0.09f << 0.1 << false << none;
    QTest::newRow("0.3 at 0.3") << 0.3f << 0.3 << false << poc;
    QTest::newRow("0.7 at 0.7") << 0.7f << 0.7 << false << poc; // "at or above"
    QTest::newRow("0.69 at 0.7") << 0.69f << 0.7 << false << none;
    QTest::newRow("unknown at 0") << -1.0f << 0.0 << false << none;
    QTest::newRow("kev, no epss") << -1.0f << 0.1 << true << active;
    QTest::newRow("kev, low epss") << 0.001f << 0.1 << true << active;
}

void TestRiskEngine::exploitationThreshold()
{
    QFETCH(float, epss);
    QFETCH(double, threshold);
    QFETCH(bool, kev);
    QFETCH(int, expected);
    Builder b;
    const std::uint32_t image = b.image();
    VulnFacts v;
    v.epss = epss;
    v.kev = kev;
    const std::size_t f = b.finding({.image = image, .vuln = b.vuln(v)});
    Policy p;
    p.epssProofOfConcept = threshold;
    const Scoring s = Scoring::compute(b.facts, p);
    QCOMPARE(int(s.exploitation(f)), expected);
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::slaDue()
{
    Builder b;
    const std::uint32_t image = b.runningImage(1);
    const std::int64_t seen = kNow - 10 * kDay;
    const Severity severities[] = {Severity::Critical,
                                   Severity::High,
                                   Severity::Medium,
                                   Severity::Low,
                                   Severity::Negligible,
                                   Severity::Unknown};
    const int days[] = {7, 30, 90, 120, 120, 120};
    std::vector<std::size_t> f;
    std::vector<std::uint32_t> vulns;
    for (Severity sev : severities) {
        const std::uint32_t v = b.vuln();
        if (sev != Severity::Unknown)
            b.rate(v, "debian", sev);
        vulns.push_back(v);
        f.push_back(b.finding({.image = image, .vuln = v, .firstSeen = seen}));
    }
    const std::uint32_t critical = vulns[0];
    const std::size_t atDue =
        b.finding({.image = image, .vuln = critical, .firstSeen = kNow - 7 * kDay});
    const std::size_t pastDue =
        b.finding({.image = image, .vuln = critical, .firstSeen = kNow - 7 * kDay - 1});
    const std::size_t resolved =
        b.finding({.image = image, .vuln = critical, .flags = Resolved, .firstSeen = seen});
    const std::size_t suppressed =
        b.finding({.image = image, .vuln = critical, .flags = Suppressed, .firstSeen = seen});
    const std::size_t unknownDate = b.finding({.image = image, .vuln = critical, .firstSeen = 0});

    const Scoring s = Scoring::compute(b.facts, Policy{});
    for (std::size_t i = 0; i < f.size(); ++i) {
        QCOMPARE(s.severity(f[i]), severities[i]);
        QCOMPARE(s.slaDue(f[i]), seen + days[i] * kDay);
        QCOMPARE(s.slaBreached(f[i]), i == 0); // only the 7-day Critical is 10 days old
    }
    QCOMPARE(s.slaDue(atDue), kNow);
    QCOMPARE(s.slaBreached(atDue), false);
    QCOMPARE(s.slaDue(pastDue), kNow - 1);
    QCOMPARE(s.slaBreached(pastDue), true);
    QCOMPARE(s.slaDue(resolved), seen + 7 * kDay);
    QCOMPARE(s.slaBreached(resolved), false);
    QCOMPARE(s.slaBreached(suppressed), false);
    QCOMPARE(s.isOpen(suppressed), false);
    QCOMPARE(s.slaDue(unknownDate), std::int64_t(0));
    QCOMPARE(s.slaBreached(unknownDate), false);
}

void TestRiskEngine::slaKevDueDate()
{
    Builder b;
    const std::uint32_t image = b.runningImage(1);
    const std::int64_t seen = kNow - 20 * kDay;
    const auto kevVuln = [&](std::int64_t due) {
        VulnFacts v;
        v.kev = true;
        v.kevDueDate = due;
        const std::uint32_t i = b.vuln(v);
        b.rate(i, "debian", Severity::Medium); // 90 days
        return i;
    };
    const std::size_t early =
        b.finding({.image = image, .vuln = kevVuln(seen + 14 * kDay), .firstSeen = seen});
    const std::size_t late =
        b.finding({.image = image, .vuln = kevVuln(seen + 200 * kDay), .firstSeen = seen});
    const std::size_t before =
        b.finding({.image = image, .vuln = kevVuln(seen - 5 * kDay), .firstSeen = seen});
    const std::size_t noDate = b.finding({.image = image, .vuln = kevVuln(0), .firstSeen = seen});

    const Scoring off = Scoring::compute(b.facts, Policy{});
    for (std::size_t f : {early, late, before, noDate})
        QCOMPARE(off.slaDue(f), seen + 90 * kDay);
    Policy p;
    p.slaKevDueDate = true;
    const Scoring on = Scoring::compute(b.facts, p);
    QCOMPARE(on.slaDue(early), seen + 14 * kDay);
    QCOMPARE(on.slaBreached(early), true); // 20 days old
    QCOMPARE(on.slaDue(late), seen + 90 * kDay);
    QCOMPARE(on.slaDue(before), seen); // never before the finding appeared
    QCOMPARE(on.slaDue(noDate), seen + 90 * kDay);
    for (std::size_t f = 0; f < b.facts.size(); ++f)
        QCOMPARE(on.risk(f), off.risk(f));
}

void TestRiskEngine::pciDssPreset()
{
    const auto pci = preset("pci-dss");
    QVERIFY2(pci.hasValue(), pci.hasValue() ? "" : pci.error().c_str());
    QCOMPARE(pci->slaDays[std::size_t(Severity::Critical)], 30);
    QCOMPARE(pci->slaDays[std::size_t(Severity::High)], 30);
    QCOMPARE(pci->slaDays[std::size_t(Severity::Medium)], 90);
    QCOMPARE(pci->slaDays[std::size_t(Severity::Low)], 90);
    QCOMPARE(pci->slaKevDueDate, true);
    QCOMPARE(pci->name, std::string("PCI DSS"));
    // Apart from the SLA, the preset scores like the default.
    Policy sameSla = *pci;
    sameSla.name = Policy{}.name;
    sameSla.slaDays = Policy{}.slaDays;
    sameSla.slaKevDueDate = false;
    QCOMPARE(policyDiff(sameSla, Policy{}), QString());

    Builder b;
    const std::uint32_t image = b.runningImage(1);
    const std::uint32_t v = b.vuln();
    b.rate(v, "debian", Severity::Critical);
    const std::int64_t seen = kNow - 10 * kDay;
    const std::size_t f = b.finding({.image = image, .vuln = v, .firstSeen = seen});
    VulnFacts kev;
    kev.kev = true;
    kev.kevDueDate = seen + 14 * kDay;
    const std::uint32_t vk = b.vuln(kev);
    b.rate(vk, "debian", Severity::Critical);
    const std::size_t fk = b.finding({.image = image, .vuln = vk, .firstSeen = seen});
    const Scoring def = Scoring::compute(b.facts, Policy{});
    const Scoring s = Scoring::compute(b.facts, *pci);
    QCOMPARE(def.slaDue(f), seen + 7 * kDay);
    QCOMPARE(def.slaBreached(f), true);
    QCOMPARE(s.slaDue(f), seen + 30 * kDay);
    QCOMPARE(s.slaBreached(f), false);
    QCOMPARE(s.slaDue(fk), seen + 14 * kDay);
    QCOMPARE(s.risk(f), def.risk(f));
    QVERIFY(!preset("nope").hasValue());
    QVERIFY(preset("nope").error().find("nope") != std::string::npos);
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::healthGrade_data()
{
    QTest::addColumn<qint64>("criticalAge"); // seconds; -1 = no Critical fix
    QTest::addColumn<qint64>("highAge");
    QTest::addColumn<QString>("grade");
    QTest::addColumn<qint64>("dropIn"); // seconds from now; -1 = never
    const qint64 d = kDay;
    QTest::newRow("nothing") << qint64(-1) << qint64(-1) << QStringLiteral("A") << qint64(-1);
    QTest::newRow("critical fresh") << qint64(0) << qint64(-1) << QStringLiteral("B") << 7 * d;
    QTest::newRow("critical 7d") << 7 * d << qint64(-1) << QStringLiteral("B") << qint64(0);
    QTest::newRow("critical 7d+1s") << 7 * d + 1 << qint64(-1) << QStringLiteral("C") << 23 * d - 1;
    QTest::newRow("critical 30d") << 30 * d << qint64(-1) << QStringLiteral("C") << qint64(0);
    QTest::newRow("critical 30d+1s")
        << 30 * d + 1 << qint64(-1) << QStringLiteral("D") << 60 * d - 1;
    QTest::newRow("critical 90d") << 90 * d << qint64(-1) << QStringLiteral("D") << qint64(0);
    QTest::newRow("critical 90d+1s")
        << 90 * d + 1 << qint64(-1) << QStringLiteral("E") << 275 * d - 1;
    QTest::newRow("critical 365d") << 365 * d << qint64(-1) << QStringLiteral("E") << qint64(0);
    QTest::newRow("critical 365d+1s")
        << 365 * d + 1 << qint64(-1) << QStringLiteral("F") << qint64(-1);
    QTest::newRow("high fresh") << qint64(-1) << qint64(0) << QStringLiteral("B") << 30 * d;
    QTest::newRow("high 30d") << qint64(-1) << 30 * d << QStringLiteral("B") << qint64(0);
    QTest::newRow("high 30d+1s") << qint64(-1) << 30 * d + 1 << QStringLiteral("C") << 60 * d - 1;
    QTest::newRow("high 90d") << qint64(-1) << 90 * d << QStringLiteral("C") << qint64(0);
    QTest::newRow("high 90d+1s") << qint64(-1) << 90 * d + 1 << QStringLiteral("D") << 275 * d - 1;
    QTest::newRow("high 365d") << qint64(-1) << 365 * d << QStringLiteral("D") << qint64(0);
    QTest::newRow("high 365d+1s") << qint64(-1) << 365 * d + 1 << QStringLiteral("F") << qint64(-1);
    // Both: the worse limit decides the grade, the earlier crossing the drop.
    QTest::newRow("critical 3d, high 10d") << 3 * d << 10 * d << QStringLiteral("B") << 4 * d;
    QTest::newRow("critical 3d, high 29d") << 3 * d << 29 * d << QStringLiteral("B") << d;
    QTest::newRow("critical 1d, high 31d") << 1 * d << 31 * d << QStringLiteral("C") << 29 * d;
    QTest::newRow("critical 100d, high 10d") << 100 * d << 10 * d << QStringLiteral("E") << 265 * d;
    QTest::newRow("critical 400d, high 1d")
        << 400 * d << 1 * d << QStringLiteral("F") << qint64(-1);
    QTest::newRow("critical 1d, high 400d")
        << 1 * d << 400 * d << QStringLiteral("F") << qint64(-1);
}

void TestRiskEngine::healthGrade()
{
    QFETCH(qint64, criticalAge);
    QFETCH(qint64, highAge);
    QFETCH(QString, grade);
    QFETCH(qint64, dropIn);
    const std::int64_t critical = criticalAge < 0 ? 0 : kNow - criticalAge;
    const std::int64_t high = highAge < 0 ? 0 : kNow - highAge;
    const auto [g, drop] = risk::healthGrade(critical, high, kNow);
    QCOMPARE(QString(QLatin1Char(g)), grade);
    QCOMPARE(qint64(drop), dropIn < 0 ? qint64(0) : kNow + dropIn);
    if (drop != 0) {
        // At the drop the oldest fix reaches the grade's limit: still this grade; a second
        // later it is worse.
        QCOMPARE(risk::healthGrade(critical, high, drop).first, g);
        QVERIFY(risk::healthGrade(critical, high, drop + 1).first > g);
    }
}

void TestRiskEngine::imageSummaries()
{
    Builder b;
    const std::uint32_t img = b.runningImage(1);
    const std::uint32_t empty = b.runningImage(1);
    const std::uint32_t onlyResolved = b.runningImage(1);
    const auto vuln = [&](Severity sev, std::int64_t published) {
        VulnFacts v;
        v.published = published;
        const std::uint32_t i = b.vuln(v);
        if (sev != Severity::Unknown)
            b.rate(i, "debian", sev);
        return i;
    };
    const auto ago = [](int days) { return kNow - days * kDay; };
    std::vector<std::size_t> open;
    open.push_back(b.finding({.image = img,
                              .vuln = vuln(Severity::Critical, ago(40)),
                              .flags = Fixable,
                              .firstSeen = ago(5)}));
    open.push_back(b.finding({.image = img,
                              .vuln = vuln(Severity::Critical, 0),
                              .flags = Fixable,
                              .firstSeen = ago(3)}));
    open.push_back(b.finding({.image = img,
                              .vuln = vuln(Severity::High, ago(100)),
                              .flags = Fixable,
                              .firstSeen = ago(20)}));
    // Not fixable: counted, but no fix age.
    open.push_back(b.finding(
        {.image = img, .vuln = vuln(Severity::Critical, ago(400)), .firstSeen = ago(400)}));
    // Medium and Unknown fixes do not grade.
    open.push_back(b.finding({.image = img,
                              .vuln = vuln(Severity::Medium, ago(900)),
                              .flags = Fixable,
                              .firstSeen = ago(900)}));
    open.push_back(b.finding({.image = img,
                              .vuln = vuln(Severity::Unknown, ago(900)),
                              .flags = Fixable,
                              .firstSeen = ago(900)}));
    // Closed findings are left out entirely.
    b.finding({.image = img,
               .vuln = vuln(Severity::Critical, ago(500)),
               .flags = Fixable | Resolved,
               .firstSeen = ago(500)});
    b.finding({.image = img,
               .vuln = vuln(Severity::High, ago(500)),
               .flags = Fixable | Suppressed,
               .firstSeen = ago(500)});
    b.finding({.image = onlyResolved,
               .vuln = vuln(Severity::Critical, ago(500)),
               .flags = Fixable | Resolved,
               .firstSeen = ago(500)});
    // Unpublished: the fix age counts from first seen.
    const std::uint32_t unpublished = b.runningImage(1);
    b.finding({.image = unpublished,
               .vuln = vuln(Severity::Critical, 0),
               .flags = Fixable,
               .firstSeen = ago(10)});

    const Scoring s = Scoring::compute(b.facts, Policy{});
    const std::vector<ImageSummary> sums = s.images();
    QCOMPARE(sums.size(), std::size_t(4));
    QCOMPARE(sums[unpublished].oldestCriticalFix, ago(10));
    QCOMPARE(sums[unpublished].grade, 'C');
    const ImageSummary &m = sums[img];
    QCOMPARE(m.image, img);
    QCOMPARE(m.openFindings, 6);
    const std::array<int, 6> bySeverity{1, 0, 0, 1, 1, 3};
    QCOMPARE(m.bySeverity, bySeverity);
    double riskSum = 0;
    for (std::size_t f : open)
        riskSum += s.risk(f);
    QCOMPARE(milli(m.riskSum), milli(riskSum));
    // Published dates (first seen when unpublished): Critical 40 days (over C's 30) → D.
    QCOMPARE(m.oldestCriticalFix, ago(40));
    QCOMPARE(m.oldestHighFix, ago(100));
    QCOMPARE(m.grade, 'D');
    QCOMPARE(m.nextGradeDrop, ago(40) + 90 * kDay);
    for (std::uint32_t i : {empty, onlyResolved}) {
        QCOMPARE(sums[i].grade, 'A');
        QCOMPARE(sums[i].nextGradeDrop, std::int64_t(0));
        QCOMPARE(sums[i].openFindings, 0);
        QCOMPARE(sums[i].riskSum, 0.0);
        QCOMPARE(sums[i].oldestCriticalFix, std::int64_t(0));
    }

    Policy firstSeen;
    firstSeen.fixAgeFrom = Policy::FixAgeFrom::FirstSeen;
    const Scoring t = Scoring::compute(b.facts, firstSeen);
    const ImageSummary n = t.images()[img];
    QCOMPARE(n.oldestCriticalFix, ago(5));
    QCOMPARE(n.oldestHighFix, ago(20));
    QCOMPARE(n.grade, 'B');
    QCOMPARE(n.nextGradeDrop, ago(5) + 7 * kDay);
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::severityMatrix()
{
    Builder b;
    const std::uint32_t i0 = b.runningImage(1), i1 = b.runningImage(1), i2 = b.runningImage(1);
    const std::uint32_t v1 = b.vuln(); // NVD 9.8 Critical, Debian High, three findings
    b.cvss(v1, "nvd", kV31N98);
    b.rate(v1, "debian", Severity::High);
    const std::uint32_t v2 = b.vuln(); // NVD 7.5 High, Red Hat Low, no Debian rating
    b.cvss(v2, "nvd", kV31N75);
    b.rate(v2, "redhat", Severity::Low);
    const std::uint32_t v3 = b.vuln(); // NVD rating Medium (GHSA's CVSS ignored), Debian Low
    b.rate(v3, "nvd", Severity::Medium);
    b.cvss(v3, "ghsa", kV31N98);
    b.rate(v3, "ghsa", Severity::High);
    b.rate(v3, "debian", Severity::Low);
    const std::uint32_t v4 = b.vuln(); // nothing from NVD; Debian Negligible (counts as low)
    b.rate(v4, "debian", Severity::Negligible);
    const std::uint32_t v5 = b.vuln(); // NVD v2 7.5: High on NVD's v2 scale; Debian Critical
    b.cvss(v5, "nvd", kV2N75);
    b.rate(v5, "debian", Severity::Critical);
    const std::uint32_t v6 = b.vuln(); // resolved only
    b.cvss(v6, "nvd", kV31N98);
    b.rate(v6, "debian", Severity::Critical);
    b.rate(v6, "suse", Severity::Low);
    const std::uint32_t v7 = b.vuln(); // one open, one suppressed
    b.cvss(v7, "nvd", kV31N98);
    b.rate(v7, "debian", Severity::Critical);
    const std::uint32_t v8 = b.vuln(); // NVD 3.1 Medium, NVD 4.0 Critical, NVD rating Low
    b.cvss(v8, "nvd", kV31N65);
    b.cvss(v8, "nvd", kV40N93);
    b.rate(v8, "nvd", Severity::Low);
    b.rate(v8, "debian", Severity::Medium);
    const std::uint32_t v9 = b.vuln(); // NVD says High, but its CVSS 6.5 is what counts
    b.rate(v9, "nvd", Severity::High);
    b.cvss(v9, "nvd", kV31N65);
    const std::uint32_t v10 = b.vuln(); // CVSS only from OSV, which rates nothing
    b.cvss(v10, "osv", kV31N98);

    for (std::uint32_t image : {i0, i1, i2})
        b.finding({.image = image, .vuln = v1});
    b.finding({.image = i0, .vuln = v2});
    b.finding({.image = i0, .vuln = v3});
    b.finding({.image = i1, .vuln = v3});
    b.finding({.image = i0, .vuln = v4});
    b.finding({.image = i0, .vuln = v5});
    b.finding({.image = i0, .vuln = v6, .flags = Resolved});
    b.finding({.image = i0, .vuln = v7});
    b.finding({.image = i1, .vuln = v7, .flags = Suppressed});
    b.finding({.image = i0, .vuln = v8});
    b.finding({.image = i0, .vuln = v9});
    b.finding({.image = i0, .vuln = v10});

    using Grid = std::array<std::array<int, 5>, 5>;
    const auto total = [](const Grid &g) {
        int n = 0;
        for (const auto &row : g)
            for (int c : row)
                n += c;
        return n;
    };
    const Scoring s = Scoring::compute(b.facts, Policy{});
    const SeverityMatrix deb = s.matrix("debian");
    QCOMPARE(deb.vendor, std::string("debian"));
    const std::vector<std::string> vendors{"debian", "ghsa", "redhat", "suse"};
    QCOMPARE(deb.vendors, vendors);
    // Rows NVD, columns Debian: critical, high, medium, low, unknown.
    Grid distinct{}, findings{};
    distinct[0][1] = 1, findings[0][1] = 3; // v1
    distinct[1][4] = 1, findings[1][4] = 1; // v2
    distinct[2][3] = 1, findings[2][3] = 2; // v3
    distinct[4][3] = 1, findings[4][3] = 1; // v4
    distinct[1][0] = 1, findings[1][0] = 1; // v5
    distinct[0][0] = 1, findings[0][0] = 1; // v7
    distinct[0][2] = 1, findings[0][2] = 1; // v8
    distinct[2][4] = 1, findings[2][4] = 1; // v9
    distinct[4][4] = 1, findings[4][4] = 1; // v10: OSV is not NVD
    QCOMPARE(deb.distinctVulnerabilities, distinct);
    QCOMPARE(deb.findings, findings);
    QCOMPARE(total(deb.findings), 12); // the open findings

    const SeverityMatrix rh = s.matrix("redhat");
    Grid rd{}, rf{};
    rd[0][4] = 3, rf[0][4] = 5; // v1 (×3), v7, v8
    rd[1][3] = 1, rf[1][3] = 1; // v2
    rd[2][4] = 2, rf[2][4] = 3; // v3 (×2), v9
    rd[4][4] = 2, rf[4][4] = 2; // v4, v10
    rd[1][4] = 1, rf[1][4] = 1; // v5
    QCOMPARE(rh.distinctVulnerabilities, rd);
    QCOMPARE(rh.findings, rf);
    // Each cell's findings (the GUI's click-through): as many as counted, all open, each in
    // exactly one cell, and the vulnerabilities named above (v1 ×3, v7, v8 in [0][4]).
    std::set<std::uint32_t> everyCell;
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 5; ++c) {
            const auto cell = s.matrixFindings("redhat", r, c);
            QCOMPARE(int(cell.size()), rf[std::size_t(r)][std::size_t(c)]);
            for (std::uint32_t f : cell) {
                QVERIFY(s.isOpen(f));
                QVERIFY(everyCell.insert(f).second);
            }
        }
    QCOMPARE(int(everyCell.size()), 12);

    const SeverityMatrix nobody = s.matrix("alpine");
    for (int r = 0; r < 5; ++r)
        for (int c = 0; c < 4; ++c)
            QCOMPARE(nobody.findings[std::size_t(r)][std::size_t(c)], 0);
    QCOMPARE(total(nobody.findings), 12);

    // The CVSS version order of the policy picks NVD's record: 3.1 first makes v8 Medium.
    const Scoring t =
        Scoring::compute(b.facts, parsed(R"({"cvss": {"versions": ["3.1", "4.0"]}})"));
    const SeverityMatrix deb31 = t.matrix("debian");
    QCOMPARE(deb31.findings[0][2], 0);
    QCOMPARE(deb31.findings[2][2], 1);
}

// ---------------------------------------------------------------------------------------

void TestRiskEngine::defaultPresetMatchesStruct()
{
    const Policy code;
    const auto shipped = preset("default");
    QVERIFY2(shipped.hasValue(), shipped.hasValue() ? "" : shipped.error().c_str());
    QCOMPARE(policyDiff(*shipped, code), QString());
    QCOMPARE(policyDiff(defaultPolicy(), code), QString());
    const auto viaLoad = loadPolicy("preset:default");
    QVERIFY(viaLoad.hasValue());
    QCOMPARE(policyDiff(*viaLoad, code), QString());
    // The file in the source tree, read from disk (the preset is compiled in from it).
    const QString file =
        QDir::cleanPath(QStringLiteral(PATCHWISE_TEST_DATA_DIR) +
                        QStringLiteral("/../../../../resources/policy/default.json"));
    const auto fromDisk = loadPolicy(file.toStdString());
    QVERIFY2(fromDisk.hasValue(), fromDisk.hasValue() ? "" : fromDisk.error().c_str());
    QCOMPARE(policyDiff(*fromDisk, code), QString());
    // And the defaults are self-consistent.
    QCOMPARE(code.weightSum(), 10.0);
    QCOMPARE(presetNames(), (std::vector<std::string>{"default", "pci-dss"}));
    for (const std::string &name : presetNames())
        QVERIFY(preset(name).hasValue());
}

void TestRiskEngine::policyRoundTrip()
{
    const Policy def;
    const auto back = parsePolicy(policyToJson(def));
    QVERIFY2(back.hasValue(), back.hasValue() ? "" : back.error().c_str());
    QCOMPARE(policyDiff(*back, def), QString());

    Policy p;
    p.name = "Custom \xE2\x9C\x93 \"quoted\"";
    p.severityMode = SeverityMode::List;
    p.severitySources = {"redhat", "vendor", "scanner", "*"};
    p.cvssShare = 0.25;
    p.ratingValues = {4, 0.5, 2, 5, 7.25, 10};
    p.cvssSources = {"vendor", "*"};
    p.cvssVersions = {cvss::Version::V3_1, cvss::Version::V2_0};
    p.weights = {3, 2, 0.25, 1, 0.5, 1, 0.75, 0.5, 1};
    p.prevalenceHalf = 7.5;
    p.exposureHalfDays = 14;
    p.epssProofOfConcept = 0.35;
    p.slaDays = {200, 180, 150, 60, 14, 3};
    p.slaKevDueDate = true;
    p.fixAgeFrom = Policy::FixAgeFrom::FirstSeen;
    p.environmental = {
        {EnvironmentalOverride::Scope::Fleet, {}, {{"IR", "M"}, {"CR", "H"}}},
        {EnvironmentalOverride::Scope::Namespace, "prod", {{"MAV", "A"}}},
        {EnvironmentalOverride::Scope::Repository, "docker.io/library/nginx", {{"AR", "L"}}},
    };
    p.ruleUnexposedAdjacent = true;
    const std::string json = policyToJson(p);
    const auto q = parsePolicy(json);
    QVERIFY2(q.hasValue(), q.hasValue() ? "" : q.error().c_str());
    QCOMPARE(policyDiff(*q, p), QString());
    QCOMPARE(policyToJson(*q), json); // stable
    // Every field differs from the default, so the round trip is not vacuous.
    QCOMPARE(policyDiff(p, def).split(QStringLiteral(", ")).size(), 16);
}

void TestRiskEngine::policyErrors_data()
{
    QTest::addColumn<QString>("json");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<QString>("prefix"); // the message starts with this
    QTest::addColumn<QString>("contains");
    const auto row = [](const char *name,
                        const char *json,
                        const char *origin,
                        const char *prefix,
                        const char *contains) {
        QTest::newRow(name) << QString::fromUtf8(json) << QString::fromUtf8(origin)
                            << QString::fromUtf8(prefix) << QString::fromUtf8(contains);
    };
    row("unknown factor", R"({"weights": {"kev": 1}})", "", "weights.kev: ", "unknown factor");
    row("unknown factor with origin",
        R"({"weights": {"kev": 1}})",
        "team.json",
        "team.json: weights.kev: ",
        "unknown factor");
    row("weights above 10",
        R"({"weights": {"severity": 5, "knownExploited": 5}})",
        "",
        "weights: ",
        "add up to 15");
    row("weight out of range",
        R"({"weights": {"epss": -1}})",
        "",
        "weights.epss: ",
        "between 0 and 10");
    row("weight not a number",
        R"({"weights": {"epss": "high"}})",
        "",
        "weights.epss: ",
        "expected a number");
    row("bad environmental value",
        R"({"environmental": [{"scope": "fleet", "metrics": {"MAV": "Q"}}]})",
        "",
        "environmental[0].metrics.MAV: ",
        "MAV:Q");
    row("base metric is not environmental",
        R"({"environmental": [{"scope": "fleet", "metrics": {"AV": "L"}}]})",
        "",
        "environmental[0].metrics.AV: ",
        "not an environmental");
    row("second override",
        R"({"environmental": [{"scope": "fleet", "metrics": {"CR": "H"}},
        {"scope": "namespace:prod", "metrics": {"XX": "H"}}]})",
        "",
        "environmental[1].metrics.XX: ",
        "");
    row("bad scope",
        R"({"environmental": [{"scope": "galaxy:x", "metrics": {"CR": "H"}}]})",
        "",
        "environmental[0].scope: ",
        "namespace:NAME");
    row("empty namespace",
        R"({"environmental": [{"scope": "namespace:", "metrics": {"CR": "H"}}]})",
        "",
        "environmental[0].scope: ",
        "");
    row("no metrics",
        R"({"environmental": [{"scope": "fleet", "metrics": {}}]})",
        "",
        "environmental[0].metrics: ",
        "");
    row("environmental not an array",
        R"({"environmental": {"scope": "fleet"}})",
        "",
        "environmental: ",
        "array");
    row("list without sources",
        R"({"severity": {"mode": "list"}})",
        "",
        "severity.sources: ",
        "needs at least one source");
    row("bad mode", R"({"severity": {"mode": "loudest"}})", "", "severity.mode: ", "nvd-first");
    row("cvssShare range",
        R"({"severity": {"cvssShare": 1.5}})",
        "",
        "severity.cvssShare: ",
        "between 0 and 1, found 1.5");
    row("rating order",
        R"({"severity": {"ratingValues": {"high": 9.9}}})",
        "",
        "severity.ratingValues: ",
        "critical < high");
    row("unknown rating",
        R"({"severity": {"ratingValues": {"severe": 9}}})",
        "",
        "severity.ratingValues.severe: ",
        "unknown key");
    row("cvss version",
        R"({"cvss": {"versions": ["3.1", "5.0"]}})",
        "",
        "cvss.versions[1]: ",
        "\"5.0\"");
    row("empty cvss sources", R"({"cvss": {"sources": []}})", "", "cvss.sources: ", "");
    row("empty source string",
        R"({"cvss": {"sources": ["nvd", " "]}})",
        "",
        "cvss.sources[1]: ",
        "non-empty string");
    row("fractional sla", R"({"sla": {"high": 1.5}})", "", "sla.high: ", "whole days");
    row("sla key", R"({"sla": {"urgent": 1}})", "", "sla.urgent: ", "unknown key");
    row("fixAgeFrom",
        R"({"grade": {"fixAgeFrom": "birth"}})",
        "",
        "grade.fixAgeFrom: ",
        "published");
    row("rule type",
        R"({"rules": {"unexposedAdjacent": "yes"}})",
        "",
        "rules.unexposedAdjacent: ",
        "true or false");
    row("prevalence range",
        R"({"prevalence": {"halfAtContainers": 0}})",
        "",
        "prevalence.halfAtContainers: ",
        "between");
    row("ssvc range",
        R"({"ssvc": {"epssProofOfConcept": 2}})",
        "",
        "ssvc.epssProofOfConcept: ",
        "between 0 and 1");
    row("unknown top-level key", R"({"colour": "red"})", "", "colour: ", "unknown key");
    row("name type", R"({"name": 5})", "", "name: ", "string");
    row("not an object", "[1, 2]", "x.json", "x.json: ", "JSON object");
}

void TestRiskEngine::policyErrors()
{
    QFETCH(QString, json);
    QFETCH(QString, origin);
    QFETCH(QString, prefix);
    QFETCH(QString, contains);
    const QByteArray utf8 = json.toUtf8();
    const std::string org = origin.toStdString();
    const auto p = parsePolicy(std::string_view(utf8.constData(), std::size_t(utf8.size())), org);
    QVERIFY(!p.hasValue());
    const QString error = QString::fromStdString(p.error());
    QVERIFY2(error.startsWith(prefix), qPrintable(error));
    QVERIFY2(error.contains(contains), qPrintable(error));
}

void TestRiskEngine::policySyntaxError()
{
    // Accepted edge: weights adding up to exactly 10.
    QVERIFY(parsePolicy(R"({"weights": {"severity": 4, "knownExploited": 1}})").hasValue());
    // The second comma on line 3 is at column 29.
    const char *json = "{\n  \"name\": \"x\",\n  \"weights\": {\"severity\": 3,, }\n}\n";
    const auto p = parsePolicy(json, "my.json");
    QVERIFY(!p.hasValue());
    const QString error = QString::fromStdString(p.error());
    const QRegularExpression re(QStringLiteral("^my\\.json: line (\\d+), column (\\d+): .+"));
    const QRegularExpressionMatch m = re.match(error);
    QVERIFY2(m.hasMatch(), qPrintable(error));
    QCOMPARE(m.captured(1).toInt(), 3);
    const int column = m.captured(2).toInt();
    QVERIFY2(column >= 29 && column <= 30, qPrintable(error));
    // Without an origin there is no prefix.
    const auto q = parsePolicy("{\"name\": }");
    QVERIFY(!q.hasValue());
    QVERIFY2(QString::fromStdString(q.error()).startsWith(QStringLiteral("line 1, column ")),
             q.error().c_str());
}

// The rows of `inner` without its ordinalKeys() fast path: every sort reads number().
class NumbersOnly final : public RowSource
{
public:
    explicit NumbersOnly(const RowSource &inner)
        : m_inner(inner)
    {}
    std::size_t rowCount() const override { return m_inner.rowCount(); }
    double number(Field field, std::size_t row) const override
    {
        return m_inner.number(field, row);
    }
    std::string_view text(Field field, std::size_t row) const override
    {
        return m_inner.text(field, row);
    }

private:
    const RowSource &m_inner;
};

void TestRiskEngine::ordinalKeysSortLikeNumbers()
{
    // A fleet with many ties (few images, EPSS values, ages) and runtime variety, scored
    // with EPSS proof-of-concept low enough that every SSVC branch occurs.
    const Fleet fl = makeFleet(77031, 40, 900, 20000);
    Policy policy = defaultPolicy();
    policy.epssProofOfConcept = 0.05;
    const Scoring s = Scoring::compute(fl.facts(), policy);
    const ScoredRows fast(s);
    const NumbersOnly slow(fast);
    std::uint64_t probe = 0;
    std::vector<std::uint32_t> someRows{0};
    int withFastPath = 0;
    // Incoming orders: the ranking, and a shuffled one (ties keep it in both paths).
    std::vector<std::uint32_t> shuffled = s.ranking();
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(5));
    for (int i = 0; i < FieldCount; ++i) {
        const Field field = Field(i);
        if (fieldInfo(field).type == FieldType::Text)
            continue;
        if (fast.ordinalKeys(field, someRows, {&probe, 1}))
            ++withFastPath;
        for (const bool descending : {false, true}) {
            for (const std::vector<std::uint32_t> *incoming :
                 {&s.ranking(), &std::as_const(shuffled)}) {
                const SortKey key{field, descending};
                const auto a = sortRows(fast, *incoming, {&key, 1});
                const auto b = sortRows(slow, *incoming, {&key, 1});
                QVERIFY2(a == b,
                         qPrintable(QStringLiteral("%1 %2")
                                        .arg(qs(fieldInfo(field).name))
                                        .arg(descending ? QStringLiteral("desc")
                                                        : QStringLiteral("asc"))));
                // And the order is really sorted by number().
                for (std::size_t r = 1; r < a.size(); ++r) {
                    const double before = fast.number(field, a[r - 1]);
                    const double after = fast.number(field, a[r]);
                    QVERIFY(descending ? before >= after : before <= after);
                }
            }
        }
    }
    // The fast path covers the table's numeric columns.
    QCOMPARE(withFastPath, 9);
    // Several keys mixing both paths and a text field.
    const std::vector<SortKey> keys{
        {Field::Decision, true}, {Field::Image, false}, {Field::Epss, true}, {Field::Days, false}};
    QVERIFY(sortRows(fast, shuffled, keys) == sortRows(slow, shuffled, keys));
    // A few rows only (keys are then read per position, not per row).
    std::vector<std::uint32_t> few;
    for (std::size_t i = 0; i < shuffled.size(); i += 7)
        few.push_back(shuffled[i]);
    const auto sortedFew = sortRows(fast, few, keys);
    QCOMPARE(sortedFew.size(), few.size());
    QVERIFY(sortedFew == sortRows(slow, few, keys));
    QVERIFY(std::is_permutation(sortedFew.begin(), sortedFew.end(), few.begin()));
}

QTEST_GUILESS_MAIN(TestRiskEngine)
#include "tst_riskengine.moc"
