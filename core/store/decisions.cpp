// SPDX-License-Identifier: GPL-3.0-or-later
#include "store/decisions.h"

#include "model/imageref.h"
#include "risk/facts.h"

#include <algorithm>
#include <unordered_set>

namespace patchwise::store {

namespace {

constexpr char kSep = '\x1f';

std::string decisionKey(std::string_view scopeKey,
                        std::string_view vulnerability,
                        std::string_view package,
                        std::string_view version)
{
    std::string key;
    key.reserve(scopeKey.size() + vulnerability.size() + package.size() + version.size() + 3);
    key.append(scopeKey).append(1, kSep).append(vulnerability).append(1, kSep);
    key.append(package).append(1, kSep).append(version);
    return key;
}

} // namespace

std::string imageIdentity(std::string_view configDigest, std::string_view name)
{
    return configDigest.empty() ? "name:" + std::string(name) : std::string(configDigest);
}

std::string decisionScopeKey(model::DecisionScope scope, const risk::ImageFacts &image)
{
    switch (scope) {
    case model::DecisionScope::Digest:
        return imageIdentity(image.digest, image.name);
    case model::DecisionScope::Repository:
        return model::imageRepository(image.name);
    case model::DecisionScope::Fleet:
        break;
    }
    return {};
}

std::vector<Decision> decisionsForFindings(const risk::Facts &facts,
                                           std::span<const std::uint32_t> findings,
                                           const Decision &pattern)
{
    std::vector<Decision> out;
    std::unordered_set<std::string> seen;
    std::vector<std::string> keyOfImage(facts.images.size());
    std::vector<bool> keyed(facts.images.size(), false);
    for (std::uint32_t f : findings) {
        const std::uint32_t image = facts.image[f];
        if (!keyed[image]) {
            keyOfImage[image] = decisionScopeKey(pattern.scope, facts.images[image]);
            keyed[image] = true;
        }
        const std::string &vulnerability = facts.vulns[facts.vuln[f]].id;
        const std::string &package = facts.strings[facts.package[f]];
        if (!seen.insert(decisionKey(keyOfImage[image], vulnerability, package, pattern.version))
                 .second)
            continue;
        Decision d = pattern;
        d.id = 0;
        d.scopeKey = keyOfImage[image];
        d.vulnerability = vulnerability;
        d.package = package;
        out.push_back(std::move(d));
    }
    return out;
}

DecisionMatcher::DecisionMatcher(const std::vector<Decision> &decisions, const risk::Facts &facts)
    : m_facts(facts)
{
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Decision &d = decisions[i];
        m_byScope[std::size_t(d.scope)].insert_or_assign(
            decisionKey(d.scopeKey, d.vulnerability, d.package, d.version), int(i));
    }
    m_empty = decisions.empty();
    if (m_empty)
        return;
    m_identity.resize(facts.images.size());
    m_repositories.resize(facts.images.size());
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        const risk::ImageFacts &image = facts.images[i];
        m_identity[i] = imageIdentity(image.digest, image.name);
        m_repositories[i] = image.repositories;
        const std::string named = model::imageRepository(image.name);
        if (!named.empty() &&
            std::find(m_repositories[i].begin(), m_repositories[i].end(), named) ==
                m_repositories[i].end())
            m_repositories[i].push_back(named);
    }
}

int DecisionMatcher::decisionOf(std::uint32_t f) const
{
    if (m_empty)
        return -1;
    const risk::Facts &facts = m_facts;
    const std::string &vulnerability = facts.vulns[facts.vuln[f]].id;
    const std::string &package = facts.strings[facts.package[f]];
    const std::string &version = facts.strings[facts.version[f]];
    std::string key;
    const auto look = [&](std::size_t scope, std::string_view scopeKey) -> int {
        const auto &map = m_byScope[scope];
        if (map.empty())
            return -1;
        key = decisionKey(scopeKey, vulnerability, package, version);
        if (const auto it = map.find(key); it != map.end())
            return it->second;
        key = decisionKey(scopeKey, vulnerability, package, {});
        if (const auto it = map.find(key); it != map.end())
            return it->second;
        return -1;
    };
    const std::uint32_t image = facts.image[f];
    if (const int d = look(0, m_identity[image]); d >= 0)
        return d;
    for (const std::string &repository : m_repositories[image])
        if (const int d = look(1, repository); d >= 0)
            return d;
    return look(2, {});
}

} // namespace patchwise::store
