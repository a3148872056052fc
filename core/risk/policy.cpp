// SPDX-License-Identifier: GPL-3.0-or-later
#include "policy.h"

#include "cvss/cvssvector.h"
#include "facts.h"
#include "model/imageref.h"
#include "util/asciicase.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>

namespace patchwise::risk {

namespace {

constexpr std::string_view kFactorNames[FactorCount] = {
    "severity",
    "knownExploited",
    "epss",
    "internetExposure",
    "running",
    "prevalence",
    "exposureTime",
    "privilege",
    "reachability",
};

constexpr std::string_view kSeverityKeys[6] = {
    "unknown", "negligible", "low", "medium", "high", "critical"};

std::string str(const QString &s)
{
    return s.toStdString();
}

// Parsing context: collects the first error with its JSON path.
class Reader
{
public:
    explicit Reader(std::string_view origin)
        : m_origin(origin)
    {}

    bool ok() const { return m_error.empty(); }
    const std::string &error() const { return m_error; }

    void fail(const std::string &path, const std::string &message)
    {
        if (!m_error.empty())
            return;
        m_error = m_origin.empty() ? std::string() : m_origin + ": ";
        m_error += path.empty() ? message : path + ": " + message;
    }

    // Checks that `object` has only `allowed` keys.
    void onlyKeys(const QJsonObject &object,
                  const std::string &path,
                  std::initializer_list<std::string_view> allowed)
    {
        for (auto it = object.begin(); it != object.end(); ++it) {
            const std::string key = str(it.key());
            if (std::find(allowed.begin(), allowed.end(), key) == allowed.end()) {
                std::string list;
                for (std::string_view a : allowed)
                    list += (list.empty() ? "" : ", ") + std::string(a);
                fail(join(path, key), "unknown key (expected one of: " + list + ")");
            }
        }
    }

    static std::string join(const std::string &path, std::string_view key)
    {
        return path.empty() ? std::string(key) : path + "." + std::string(key);
    }

    std::optional<double> number(
        const QJsonObject &o, const std::string &path, std::string_view key, double min, double max)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key.data(), qsizetype(key.size())));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isDouble()) {
            fail(join(path, key), "expected a number");
            return std::nullopt;
        }
        const double d = v.toDouble();
        if (!std::isfinite(d) || d < min || d > max) {
            fail(join(path, key),
                 "must be between " + trimmed(min) + " and " + trimmed(max) + ", found " +
                     trimmed(d));
            return std::nullopt;
        }
        return d;
    }

    std::optional<bool> boolean(const QJsonObject &o, const std::string &path, std::string_view key)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key.data(), qsizetype(key.size())));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isBool()) {
            fail(join(path, key), "expected true or false");
            return std::nullopt;
        }
        return v.toBool();
    }

    std::optional<QJsonObject>
    object(const QJsonObject &o, const std::string &path, std::string_view key)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key.data(), qsizetype(key.size())));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isObject()) {
            fail(join(path, key), "expected an object");
            return std::nullopt;
        }
        return v.toObject();
    }

    std::optional<std::vector<std::string>>
    strings(const QJsonObject &o, const std::string &path, std::string_view key)
    {
        const QJsonValue v = o.value(QString::fromUtf8(key.data(), qsizetype(key.size())));
        if (v.isUndefined())
            return std::nullopt;
        if (!v.isArray()) {
            fail(join(path, key), "expected an array of strings");
            return std::nullopt;
        }
        std::vector<std::string> out;
        const QJsonArray array = v.toArray();
        for (qsizetype i = 0; i < array.size(); ++i) {
            if (!array.at(i).isString() || array.at(i).toString().trimmed().isEmpty()) {
                fail(join(path, key) + "[" + std::to_string(i) + "]",
                     "expected a non-empty string");
                return std::nullopt;
            }
            out.push_back(str(array.at(i).toString().trimmed()));
        }
        return out;
    }

    static std::string trimmed(double d)
    {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", d);
        return buffer;
    }

private:
    std::string m_origin;
    std::string m_error;
};

// "nginx", "docker.io/nginx:1.25" → "docker.io/library/nginx": the form images are
// matched in (ImageFacts::repositories).
std::string repositoryOf(const std::string &reference)
{
    std::string ref = model::normalizedImageRef(reference);
    if (ref.empty())
        return reference;
    const std::size_t slash = ref.rfind('/');
    const std::size_t colon = ref.rfind(':');
    if (colon != std::string::npos && (slash == std::string::npos || colon > slash))
        ref.resize(colon);
    return ref;
}

// Source names as the fact table spells them; the pseudo-sources stay as they are.
std::string foldSource(std::string_view name)
{
    const std::string l = asciiLowered(name);
    return l == "vendor" || l == "scanner" || l == "*" ? l : normalizedSource(l);
}

std::optional<cvss::Version> versionFromName(std::string_view name)
{
    for (cvss::Version v :
         {cvss::Version::V2_0, cvss::Version::V3_0, cvss::Version::V3_1, cvss::Version::V4_0})
        if (cvss::versionName(v) == name)
            return v;
    return std::nullopt;
}

std::optional<cvss::Metric> metricFromName(std::string_view name)
{
    for (int m = 0; m < cvss::MetricCount; ++m)
        if (cvss::metricName(cvss::Metric(m)) == name)
            return cvss::Metric(m);
    return std::nullopt;
}

std::optional<cvss::Value> valueFromName(std::string_view name)
{
    for (int v = 1; v < cvss::ValueCount; ++v)
        if (cvss::valueName(cvss::Value(v)) == name)
            return cvss::Value(v);
    return std::nullopt;
}

// True when some version has `metric` as an environmental metric that can take `value`.
bool environmentalMetricExists(std::string_view metric, std::string_view value)
{
    const auto m = metricFromName(metric);
    const auto v = valueFromName(value);
    if (!m || !v)
        return false;
    for (cvss::Version version :
         {cvss::Version::V2_0, cvss::Version::V3_0, cvss::Version::V3_1, cvss::Version::V4_0}) {
        const int slot = cvss::slotOf(version, *m);
        if (slot < 0)
            continue;
        const cvss::MetricDef &def = cvss::metricDefs(version)[std::size_t(slot)];
        if (def.group != cvss::Group::Environmental)
            continue;
        if (std::find(def.values.begin(), def.values.end(), *v) != def.values.end())
            return true;
    }
    return false;
}

void readPolicy(Reader &r, const QJsonObject &root, Policy &p)
{
    r.onlyKeys(root,
               {},
               {"name",
                "description",
                "severity",
                "cvss",
                "weights",
                "prevalence",
                "exposureTime",
                "ssvc",
                "sla",
                "grade",
                "environmental",
                "rules"});
    if (root.contains(QStringLiteral("name"))) {
        if (!root.value(QStringLiteral("name")).isString())
            r.fail("name", "expected a string");
        else
            p.name = str(root.value(QStringLiteral("name")).toString());
    }

    if (auto severity = r.object(root, {}, "severity")) {
        const std::string path = "severity";
        r.onlyKeys(*severity, path, {"mode", "sources", "cvssShare", "ratingValues"});
        if (severity->contains(QStringLiteral("mode"))) {
            const std::string mode =
                asciiLowered(str(severity->value(QStringLiteral("mode")).toString()));
            if (mode == "vendor-first")
                p.severityMode = SeverityMode::VendorFirst;
            else if (mode == "nvd-first")
                p.severityMode = SeverityMode::NvdFirst;
            else if (mode == "highest")
                p.severityMode = SeverityMode::Highest;
            else if (mode == "list")
                p.severityMode = SeverityMode::List;
            else
                r.fail(path + ".mode",
                       "expected \"vendor-first\", \"nvd-first\", \"highest\" or \"list\"");
        }
        if (auto sources = r.strings(*severity, path, "sources")) {
            p.severitySources.clear();
            for (const std::string &s : *sources)
                p.severitySources.push_back(foldSource(s));
        }
        if (p.severityMode == SeverityMode::List && p.severitySources.empty())
            r.fail(path + ".sources", "mode \"list\" needs at least one source");
        if (auto share = r.number(*severity, path, "cvssShare", 0, 1))
            p.cvssShare = *share;
        if (auto values = r.object(*severity, path, "ratingValues")) {
            r.onlyKeys(*values,
                       path + ".ratingValues",
                       {"unknown", "negligible", "low", "medium", "high", "critical"});
            for (int i = 0; i < 6; ++i)
                if (auto v = r.number(*values, path + ".ratingValues", kSeverityKeys[i], 0, 10))
                    p.ratingValues[std::size_t(i)] = *v;
            for (int i = 2; i < 6; ++i)
                if (p.ratingValues[std::size_t(i)] < p.ratingValues[std::size_t(i - 1)])
                    r.fail(path + ".ratingValues",
                           "a higher severity must not be worth less than a lower one (" +
                               std::string(kSeverityKeys[i]) + " < " +
                               std::string(kSeverityKeys[i - 1]) + ")");
        }
    }

    if (auto c = r.object(root, {}, "cvss")) {
        r.onlyKeys(*c, "cvss", {"sources", "versions"});
        if (auto sources = r.strings(*c, "cvss", "sources")) {
            if (sources->empty())
                r.fail("cvss.sources", "needs at least one source (\"*\" means any)");
            p.cvssSources.clear();
            for (const std::string &s : *sources)
                p.cvssSources.push_back(foldSource(s));
        }
        if (auto versions = r.strings(*c, "cvss", "versions")) {
            p.cvssVersions.clear();
            for (std::size_t i = 0; i < versions->size(); ++i) {
                const auto v = versionFromName((*versions)[i]);
                if (!v)
                    r.fail("cvss.versions[" + std::to_string(i) + "]",
                           "expected \"4.0\", \"3.1\", \"3.0\" or \"2.0\", found \"" +
                               (*versions)[i] + "\"");
                else
                    p.cvssVersions.push_back(*v);
            }
            if (p.cvssVersions.empty())
                r.fail("cvss.versions", "needs at least one version");
        }
    }

    if (auto weights = r.object(root, {}, "weights")) {
        for (auto it = weights->begin(); it != weights->end(); ++it) {
            const std::string key = str(it.key());
            const auto *found = std::find(std::begin(kFactorNames), std::end(kFactorNames), key);
            if (found == std::end(kFactorNames)) {
                r.fail("weights." + key,
                       "unknown factor (expected severity, knownExploited, epss, "
                       "internetExposure, running, prevalence, exposureTime, privilege or "
                       "reachability)");
                continue;
            }
            if (auto w = r.number(*weights, "weights", key, 0, 10))
                p.weights[std::size_t(found - std::begin(kFactorNames))] = *w;
        }
        if (r.ok() && p.weightSum() > 10.0 + 1e-9)
            r.fail("weights",
                   "the weights add up to " + Reader::trimmed(p.weightSum()) +
                       "; the score runs from 0 to 10, so they may add up to at most 10");
    }

    if (auto prevalence = r.object(root, {}, "prevalence")) {
        r.onlyKeys(*prevalence, "prevalence", {"halfAtContainers"});
        if (auto v = r.number(*prevalence, "prevalence", "halfAtContainers", 0.01, 1e9))
            p.prevalenceHalf = *v;
    }
    if (auto time = r.object(root, {}, "exposureTime")) {
        r.onlyKeys(*time, "exposureTime", {"halfAtDays"});
        if (auto v = r.number(*time, "exposureTime", "halfAtDays", 0.01, 1e6))
            p.exposureHalfDays = *v;
    }
    if (auto ssvc = r.object(root, {}, "ssvc")) {
        r.onlyKeys(*ssvc, "ssvc", {"epssProofOfConcept"});
        if (auto v = r.number(*ssvc, "ssvc", "epssProofOfConcept", 0, 1))
            p.epssProofOfConcept = *v;
    }
    if (auto sla = r.object(root, {}, "sla")) {
        r.onlyKeys(*sla,
                   "sla",
                   {"unknown", "negligible", "low", "medium", "high", "critical", "kevDueDate"});
        for (int i = 0; i < 6; ++i) {
            if (auto v = r.number(*sla, "sla", kSeverityKeys[i], 0, 36500)) {
                if (*v != std::floor(*v))
                    r.fail("sla." + std::string(kSeverityKeys[i]), "expected whole days");
                p.slaDays[std::size_t(i)] = int(*v);
            }
        }
        if (auto kev = r.boolean(*sla, "sla", "kevDueDate"))
            p.slaKevDueDate = *kev;
    }
    if (auto grade = r.object(root, {}, "grade")) {
        r.onlyKeys(*grade, "grade", {"fixAgeFrom"});
        if (grade->contains(QStringLiteral("fixAgeFrom"))) {
            const std::string from = str(grade->value(QStringLiteral("fixAgeFrom")).toString());
            if (from == "published")
                p.fixAgeFrom = Policy::FixAgeFrom::Published;
            else if (from == "firstSeen")
                p.fixAgeFrom = Policy::FixAgeFrom::FirstSeen;
            else
                r.fail("grade.fixAgeFrom", "expected \"published\" or \"firstSeen\"");
        }
    }
    if (root.contains(QStringLiteral("environmental"))) {
        const QJsonValue env = root.value(QStringLiteral("environmental"));
        if (!env.isArray()) {
            r.fail("environmental", "expected an array of overrides");
        } else {
            p.environmental.clear();
            const QJsonArray array = env.toArray();
            for (qsizetype i = 0; i < array.size(); ++i) {
                const std::string path = "environmental[" + std::to_string(i) + "]";
                if (!array.at(i).isObject()) {
                    r.fail(path, "expected an object with \"scope\" and \"metrics\"");
                    break;
                }
                const QJsonObject o = array.at(i).toObject();
                r.onlyKeys(o, path, {"scope", "metrics", "comment"});
                EnvironmentalOverride e;
                const std::string scope = str(o.value(QStringLiteral("scope")).toString());
                if (scope == "fleet") {
                    e.scope = EnvironmentalOverride::Scope::Fleet;
                } else if (scope.starts_with("namespace:") && scope.size() > 10) {
                    e.scope = EnvironmentalOverride::Scope::Namespace;
                    e.value = scope.substr(10);
                } else if (scope.starts_with("repository:") && scope.size() > 11) {
                    e.scope = EnvironmentalOverride::Scope::Repository;
                    e.value = repositoryOf(scope.substr(11));
                } else {
                    r.fail(path + ".scope",
                           "expected \"fleet\", \"namespace:NAME\" or \"repository:NAME\"");
                }
                const QJsonValue metrics = o.value(QStringLiteral("metrics"));
                if (!metrics.isObject() || metrics.toObject().isEmpty()) {
                    r.fail(path + ".metrics", "expected an object such as {\"CR\": \"H\"}");
                } else {
                    const QJsonObject m = metrics.toObject();
                    for (auto it = m.begin(); it != m.end(); ++it) {
                        const std::string metric = asciiUppered(str(it.key()));
                        const std::string value = asciiUppered(str(it.value().toString()));
                        if (!it.value().isString() || !environmentalMetricExists(metric, value)) {
                            r.fail(path + ".metrics." + str(it.key()),
                                   "\"" + str(it.key()) + ":" + str(it.value().toString()) +
                                       "\" is not an environmental CVSS metric and value of "
                                       "any CVSS version");
                            continue;
                        }
                        e.metrics.emplace_back(metric, value);
                    }
                }
                p.environmental.push_back(std::move(e));
            }
            std::stable_sort(p.environmental.begin(),
                             p.environmental.end(),
                             [](const auto &a, const auto &b) { return a.scope < b.scope; });
        }
    }
    if (auto rules = r.object(root, {}, "rules")) {
        r.onlyKeys(*rules, "rules", {"unexposedAdjacent"});
        if (auto v = r.boolean(*rules, "rules", "unexposedAdjacent"))
            p.ruleUnexposedAdjacent = *v;
    }
}

} // namespace

std::string_view factorName(Factor factor)
{
    return kFactorNames[int(factor)];
}

double Policy::weightSum() const
{
    double sum = 0;
    for (double w : weights)
        sum += w;
    return sum;
}

std::vector<std::string> presetNames()
{
    return {"default", "pci-dss"};
}

Result<Policy> preset(std::string_view name)
{
    const auto names = presetNames();
    if (std::find(names.begin(), names.end(), name) == names.end())
        return Unexpected(std::string("unknown policy preset \"") + std::string(name) +
                          "\" (presets: default, pci-dss)");
    QFile file(QStringLiteral(":/policy/") +
               QString::fromUtf8(name.data(), qsizetype(name.size())) + QStringLiteral(".json"));
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected(std::string("the built-in policy preset is missing: ") +
                          str(file.fileName()));
    const QByteArray bytes = file.readAll();
    return parsePolicy(std::string_view(bytes.constData(), std::size_t(bytes.size())),
                       std::string("preset:") + std::string(name));
}

Policy defaultPolicy()
{
    return Policy{};
}

Result<Policy> parsePolicy(std::string_view json, std::string_view origin)
{
    QJsonParseError error;
    const QJsonDocument document =
        QJsonDocument::fromJson(QByteArray(json.data(), qsizetype(json.size())), &error);
    const std::string prefix = origin.empty() ? std::string() : std::string(origin) + ": ";
    if (error.error != QJsonParseError::NoError) {
        // Line and column of the offset, which is what an editor shows.
        int line = 1, column = 1;
        for (int i = 0; i < error.offset && std::size_t(i) < json.size(); ++i) {
            if (json[std::size_t(i)] == '\n') {
                ++line;
                column = 1;
            } else {
                ++column;
            }
        }
        return Unexpected(prefix + "line " + std::to_string(line) + ", column " +
                          std::to_string(column) + ": " + str(error.errorString()));
    }
    if (!document.isObject())
        return Unexpected(prefix + "a policy is a JSON object");
    Policy policy;
    Reader reader(origin);
    readPolicy(reader, document.object(), policy);
    if (!reader.ok())
        return Unexpected(reader.error());
    return policy;
}

Result<Policy> loadPolicy(const std::string &path)
{
    if (path.starts_with("preset:"))
        return preset(std::string_view(path).substr(7));
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        return Unexpected(path + ": cannot open: " + str(file.errorString()));
    if (file.size() > 16 * 1024 * 1024)
        return Unexpected(path + ": too large for a policy (over 16 MiB)");
    const QByteArray bytes = file.readAll();
    return parsePolicy(std::string_view(bytes.constData(), std::size_t(bytes.size())), path);
}

std::string policyToJson(const Policy &p)
{
    QJsonObject root;
    root.insert(QStringLiteral("name"), QString::fromStdString(p.name));
    QJsonObject severity;
    constexpr std::string_view modes[] = {"vendor-first", "nvd-first", "highest", "list"};
    severity.insert(QStringLiteral("mode"), QString::fromUtf8(modes[int(p.severityMode)].data()));
    QJsonArray sources;
    for (const std::string &s : p.severitySources)
        sources.append(QString::fromStdString(s));
    severity.insert(QStringLiteral("sources"), sources);
    severity.insert(QStringLiteral("cvssShare"), p.cvssShare);
    QJsonObject ratingValues;
    for (int i = 0; i < 6; ++i)
        ratingValues.insert(QString::fromUtf8(kSeverityKeys[i].data()),
                            p.ratingValues[std::size_t(i)]);
    severity.insert(QStringLiteral("ratingValues"), ratingValues);
    root.insert(QStringLiteral("severity"), severity);

    QJsonObject c;
    QJsonArray cvssSources, versions;
    for (const std::string &s : p.cvssSources)
        cvssSources.append(QString::fromStdString(s));
    for (cvss::Version v : p.cvssVersions)
        versions.append(QString::fromUtf8(cvss::versionName(v).data()));
    c.insert(QStringLiteral("sources"), cvssSources);
    c.insert(QStringLiteral("versions"), versions);
    root.insert(QStringLiteral("cvss"), c);

    QJsonObject weights;
    for (int i = 0; i < FactorCount; ++i)
        weights.insert(QString::fromUtf8(kFactorNames[i].data()), p.weights[std::size_t(i)]);
    root.insert(QStringLiteral("weights"), weights);
    root.insert(QStringLiteral("prevalence"),
                QJsonObject{{QStringLiteral("halfAtContainers"), p.prevalenceHalf}});
    root.insert(QStringLiteral("exposureTime"),
                QJsonObject{{QStringLiteral("halfAtDays"), p.exposureHalfDays}});
    root.insert(QStringLiteral("ssvc"),
                QJsonObject{{QStringLiteral("epssProofOfConcept"), p.epssProofOfConcept}});
    QJsonObject sla;
    for (int i = 0; i < 6; ++i)
        sla.insert(QString::fromUtf8(kSeverityKeys[i].data()), p.slaDays[std::size_t(i)]);
    sla.insert(QStringLiteral("kevDueDate"), p.slaKevDueDate);
    root.insert(QStringLiteral("sla"), sla);
    root.insert(
        QStringLiteral("grade"),
        QJsonObject{{QStringLiteral("fixAgeFrom"),
                     p.fixAgeFrom == Policy::FixAgeFrom::Published ? QStringLiteral("published")
                                                                   : QStringLiteral("firstSeen")}});
    QJsonArray env;
    for (const EnvironmentalOverride &e : p.environmental) {
        QJsonObject metrics;
        for (const auto &[metric, value] : e.metrics)
            metrics.insert(QString::fromStdString(metric), QString::fromStdString(value));
        QString scope = e.scope == EnvironmentalOverride::Scope::Fleet ? QStringLiteral("fleet")
                        : e.scope == EnvironmentalOverride::Scope::Namespace
                            ? QStringLiteral("namespace:") + QString::fromStdString(e.value)
                            : QStringLiteral("repository:") + QString::fromStdString(e.value);
        env.append(
            QJsonObject{{QStringLiteral("scope"), scope}, {QStringLiteral("metrics"), metrics}});
    }
    root.insert(QStringLiteral("environmental"), env);
    root.insert(QStringLiteral("rules"),
                QJsonObject{{QStringLiteral("unexposedAdjacent"), p.ruleUnexposedAdjacent}});
    return QJsonDocument(root).toJson(QJsonDocument::Indented).toStdString();
}

bool applyMetric(cvss::Vector &vector, std::string_view metric, std::string_view value)
{
    const auto m = metricFromName(metric);
    const auto v = valueFromName(value);
    if (!m || !v)
        return false;
    const int slot = cvss::slotOf(vector.version(), *m);
    if (slot < 0 ||
        cvss::metricDefs(vector.version())[std::size_t(slot)].group != cvss::Group::Environmental)
        return false;
    return vector.set(*m, *v);
}

} // namespace patchwise::risk
