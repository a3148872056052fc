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

std::size_t DecisionMatcher::KeyHash::operator()(const Key &k) const noexcept
{
    std::uint64_t h = (std::uint64_t(k.vuln) << 32 | k.package) * 0x9E3779B97F4A7C15ull;
    h ^=
        (std::uint64_t(k.scopeKey) << 32 | k.version) + 0xBF58476D1CE4E5B9ull + (h << 6) + (h >> 2);
    return std::size_t(h ^ (h >> 31));
}

DecisionMatcher::DecisionMatcher(const std::vector<Decision> &decisions, const risk::Facts &facts)
    : m_facts(facts)
{
    if (decisions.empty())
        return;
    // Scope keys the fleet has: "" (the fleet), every image's identity and repositories.
    std::unordered_map<std::string, std::uint32_t> keys{{std::string(), 0}};
    const auto keyId = [&](std::string key) {
        return keys.emplace(std::move(key), std::uint32_t(keys.size())).first->second;
    };
    m_identity.resize(facts.images.size());
    m_repositories.resize(facts.images.size());
    for (std::size_t i = 0; i < facts.images.size(); ++i) {
        const risk::ImageFacts &image = facts.images[i];
        m_identity[i] = keyId(imageIdentity(image.digest, image.name));
        for (const std::string &repository : image.repositories)
            m_repositories[i].push_back(keyId(repository));
        const std::string named = model::imageRepository(image.name);
        if (!named.empty()) {
            const std::uint32_t id = keyId(named);
            if (std::find(m_repositories[i].begin(), m_repositories[i].end(), id) ==
                m_repositories[i].end())
                m_repositories[i].push_back(id);
        }
    }
    std::unordered_map<std::string_view, std::uint32_t> vulns, strings;
    for (std::size_t v = 0; v < facts.vulns.size(); ++v)
        vulns.emplace(facts.vulns[v].id, std::uint32_t(v));
    // Only the packages and versions decisions name are looked up in the string pool.
    constexpr std::uint32_t kMissing = UINT32_MAX;
    std::unordered_map<std::string_view, std::uint32_t> wanted;
    for (const Decision &d : decisions) {
        wanted.emplace(d.package, kMissing);
        if (!d.version.empty())
            wanted.emplace(d.version, kMissing);
    }
    for (std::size_t i = 0; i < facts.strings.size(); ++i)
        if (const auto it = wanted.find(facts.strings[i]);
            it != wanted.end() && it->second == kMissing)
            it->second = std::uint32_t(i);
    m_vulnDecided.assign(facts.vulns.size(), false);
    for (std::size_t i = 0; i < decisions.size(); ++i) {
        const Decision &d = decisions[i];
        const auto key = keys.find(d.scopeKey);
        const auto vuln = vulns.find(d.vulnerability);
        const auto package = wanted.find(d.package);
        if (key == keys.end() || vuln == vulns.end() || package->second == kMissing)
            continue;
        std::uint32_t version = 0; // any
        if (!d.version.empty()) {
            version = wanted.find(d.version)->second;
            if (version == kMissing)
                continue;
        }
        m_byScope[std::size_t(d.scope)].insert_or_assign(
            Key{key->second, vuln->second, package->second, version}, int(i));
        m_vulnDecided[vuln->second] = true;
        m_empty = false;
    }
}

int DecisionMatcher::decisionOf(std::uint32_t f) const
{
    if (m_empty || !m_vulnDecided[m_facts.vuln[f]])
        return -1;
    const risk::Facts &facts = m_facts;
    Key key{0, facts.vuln[f], facts.package[f], facts.version[f]};
    const auto look = [&](std::size_t scope, std::uint32_t scopeKey) -> int {
        const auto &map = m_byScope[scope];
        if (map.empty())
            return -1;
        key.scopeKey = scopeKey;
        key.version = facts.version[f]; // pinned to the installed version
        if (key.version != 0)
            if (const auto it = map.find(key); it != map.end())
                return it->second;
        key.version = 0;
        if (const auto it = map.find(key); it != map.end())
            return it->second;
        return -1;
    };
    const std::uint32_t image = facts.image[f];
    if (const int d = look(0, m_identity[image]); d >= 0)
        return d;
    for (const std::uint32_t repository : m_repositories[image])
        if (const int d = look(1, repository); d >= 0)
            return d;
    return look(2, 0);
}

} // namespace patchwise::store
