// SPDX-License-Identifier: GPL-3.0-or-later
#include "layerview.h"

#include "model/imageref.h"
#include "util/asciicase.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <unordered_map>

namespace patchwise::layers {

namespace {

bool isHex(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    });
}

} // namespace

Result<std::size_t> resolveImage(const std::vector<store::ImageLayers> &images,
                                 std::string_view reference)
{
    const std::string ref(reference);
    const std::string lower = asciiLowered(reference);
    std::vector<std::size_t> matches;
    const auto add = [&](std::size_t i) {
        if (std::find(matches.begin(), matches.end(), i) == matches.end())
            matches.push_back(i);
    };
    // Exact forms first: name, normalised reference, config digest, repo digest.
    const std::string normalised = model::normalizedImageRef(reference);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const store::ImageLayers &image = images[i];
        if (image.name == ref || image.digest == lower ||
            std::find(image.repoDigests.begin(), image.repoDigests.end(), ref) !=
                image.repoDigests.end() ||
            (!normalised.empty() &&
             std::find(image.refs.begin(), image.refs.end(), normalised) != image.refs.end()))
            add(i);
    }
    // Then a digest or a unique prefix of one (config digest or a repo digest's digest).
    if (matches.empty()) {
        std::string hex = lower.starts_with("sha256:") ? lower.substr(7) : lower;
        if (hex.size() >= 4 && isHex(hex)) {
            for (std::size_t i = 0; i < images.size(); ++i) {
                std::vector<std::string> digests{images[i].digest};
                for (const std::string &r : images[i].repoDigests)
                    digests.push_back(r.substr(r.rfind('@') + 1));
                for (const std::string &d : digests)
                    if (d.starts_with("sha256:") && d.compare(7, hex.size(), hex) == 0)
                        add(i);
            }
        }
    }
    if (matches.size() == 1)
        return matches.front();
    if (matches.empty())
        return Unexpected("no image in the workspace matches \"" + ref + "\"");
    std::string names;
    for (std::size_t i : matches)
        names += (names.empty() ? "" : ", ") + images[i].name +
                 (images[i].digest.empty() ? std::string() : " (" + images[i].digest + ")");
    return Unexpected("\"" + ref + "\" matches several images: " + names);
}

std::vector<BaseFlags> baseAttribution(const std::vector<store::ImageLayers> &images,
                                       const std::vector<std::optional<BaseImage>> &bases,
                                       const risk::Scoring &scoring)
{
    const risk::Facts &facts = scoring.facts();
    // Base layer count per fact-table image (-1 unknown, 0 no base).
    std::unordered_map<std::int64_t, int> baseLayersById;
    for (std::size_t i = 0; i < images.size(); ++i)
        baseLayersById[images[i].id] = bases[i] ? bases[i]->layerCount : 0;
    std::vector<int> baseLayers(facts.images.size(), 0);
    for (std::size_t i = 0; i < facts.images.size(); ++i)
        if (auto it = baseLayersById.find(facts.images[i].id); it != baseLayersById.end())
            baseLayers[i] = it->second;
    const auto layerOf = [&](std::size_t f) {
        return f < facts.layerIndex.size() ? int(facts.layerIndex[f]) : -1;
    };
    // One id per package name (the string pool need not hold each name once): hashed once
    // per distinct string, not once per finding.
    std::unordered_map<std::string_view, std::uint32_t> nameIndex;
    std::vector<std::uint32_t> idOfString(facts.strings.size(), UINT32_MAX);
    std::vector<std::uint32_t> packageId(facts.size());
    for (std::size_t f = 0; f < facts.size(); ++f) {
        std::uint32_t &id = idOfString[facts.package[f]];
        if (id == UINT32_MAX)
            id = nameIndex
                     .try_emplace(facts.strings[facts.package[f]], std::uint32_t(nameIndex.size()))
                     .first->second;
        packageId[f] = id;
    }
    // The highest layer each (image, package) appears in: a later layer that touches the
    // package (another version installed over it) means a base update alone does not fix it.
    // Findings are grouped by sorting their (image, package) keys: much cheaper than a hash
    // map with one entry per finding.
    const auto key = [&](std::size_t f) {
        return (std::uint64_t(facts.image[f]) << 32) | packageId[f];
    };
    std::vector<std::pair<std::uint64_t, int>> keyed(facts.size());
    for (std::size_t f = 0; f < facts.size(); ++f)
        keyed[f] = {key(f), layerOf(f)};
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint64_t> keys;
    std::vector<int> tops;
    for (const auto &[k, layer] : keyed) {
        if (keys.empty() || keys.back() != k) {
            keys.push_back(k);
            tops.push_back(layer);
        } else {
            tops.back() = std::max(tops.back(), layer);
        }
    }
    keyed.clear();
    keyed.shrink_to_fit();
    const auto topOf = [&](std::uint64_t k) -> int * {
        const auto it = std::lower_bound(keys.begin(), keys.end(), k);
        return it != keys.end() && *it == k ? &tops[std::size_t(it - keys.begin())] : nullptr;
    };
    // The package lists count too: an app layer may have upgraded a base package to a
    // version with no finding at all. Only packages some finding names matter.
    std::unordered_map<std::int64_t, std::uint32_t> factImage;
    for (std::size_t i = 0; i < facts.images.size(); ++i)
        factImage.try_emplace(facts.images[i].id, std::uint32_t(i));
    for (const store::ImageLayers &image : images) {
        const auto fi = factImage.find(image.id);
        if (fi == factImage.end())
            continue;
        for (const store::ImageLayers::Package &p : image.packages) {
            const auto name = nameIndex.find(p.name);
            if (name == nameIndex.end())
                continue;
            if (int *top = topOf((std::uint64_t(fi->second) << 32) | name->second))
                *top = std::max(*top, p.layer);
        }
    }
    std::vector<BaseFlags> flags(facts.size());
    for (std::size_t f = 0; f < facts.size(); ++f) {
        const int base = baseLayers[facts.image[f]];
        const int layer = layerOf(f);
        if (base == 0)
            continue;
        if (base < 0 || layer < 0) {
            flags[f].inBase = -1;
            continue;
        }
        flags[f].inBase = layer < base ? 1 : 0;
        flags[f].baseImageFix =
            layer < base && (facts.flags[f] & risk::Fixable) != 0 && *topOf(key(f)) == layer;
    }
    return flags;
}

void setBaseAttribution(risk::ScoredRows &rows, const std::vector<BaseFlags> &flags)
{
    std::vector<std::int8_t> inBase(flags.size());
    std::vector<std::uint8_t> baseFix(flags.size());
    for (std::size_t f = 0; f < flags.size(); ++f) {
        inBase[f] = flags[f].inBase;
        baseFix[f] = flags[f].baseImageFix ? 1 : 0;
    }
    rows.setBaseAttribution(std::move(inBase), std::move(baseFix));
}

ImageLayerView layerView(const std::vector<store::ImageLayers> &images,
                         std::size_t index,
                         const std::optional<BaseImage> &base,
                         const risk::Scoring &scoring,
                         const std::vector<BaseFlags> &flags)
{
    const store::ImageLayers &image = images[index];
    ImageLayerView view;
    view.image = image.name;
    view.imageDigest = image.digest;
    view.base = base;
    const int baseLayers = base ? base->layerCount : -1;
    for (std::size_t i = 0; i < image.layers.size(); ++i) {
        LayerSummary l;
        l.index = int(i);
        l.diffId = image.layers[i].diffId;
        l.createdBy = image.layers[i].createdBy;
        l.size = image.layers[i].size;
        l.inBase = baseLayers > 0 && int(i) < baseLayers;
        view.layers.push_back(std::move(l));
    }

    const risk::Facts &facts = scoring.facts();
    std::optional<std::uint32_t> imageIndex;
    for (std::size_t i = 0; i < facts.images.size(); ++i)
        if (facts.images[i].id == image.id)
            imageIndex = std::uint32_t(i);
    if (!imageIndex)
        return view;
    std::vector<std::size_t> mine;
    for (std::size_t f = 0; f < facts.size(); ++f)
        if (facts.image[f] == *imageIndex && scoring.isOpen(f))
            mine.push_back(f);
    for (std::size_t f : mine) {
        const int layer = f < facts.layerIndex.size() ? facts.layerIndex[f] : -1;
        if (layer < 0 || std::size_t(layer) >= view.layers.size()) {
            ++view.unattributed;
            continue;
        }
        LayerSummary &l = view.layers[std::size_t(layer)];
        ++l.findings;
        ++l.bySeverity[std::size_t(model::reportColumn(scoring.severity(f)))];
        l.riskSum += scoring.risk(f);
        if (f < flags.size() && flags[f].baseImageFix)
            ++l.baseImageFixes;
    }
    for (LayerSummary &l : view.layers)
        l.riskSum = double(std::llround(l.riskSum * 1000.0)) / 1000.0;
    return view;
}

} // namespace patchwise::layers
