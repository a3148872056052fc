// SPDX-License-Identifier: GPL-3.0-or-later
#include "basedetect.h"

#include "model/imageref.h"

#include <algorithm>

namespace patchwise::layers {

namespace {

// True when `base`'s DiffIDs are a strict, non-empty prefix of `image`'s.
bool isStrictPrefix(const store::ImageLayers &base, const store::ImageLayers &image)
{
    if (base.layers.empty() || base.layers.size() >= image.layers.size())
        return false;
    for (std::size_t i = 0; i < base.layers.size(); ++i)
        if (base.layers[i].diffId != image.layers[i].diffId)
            return false;
    return true;
}

// The digest part of "repo@sha256:…" or a bare "sha256:…", lower case.
std::string digestPart(std::string_view reference)
{
    const std::size_t at = reference.rfind('@');
    std::string d(at == std::string_view::npos ? reference : reference.substr(at + 1));
    std::transform(
        d.begin(), d.end(), d.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return d;
}

// Does the label (a name or a digest) name this workspace image?
bool labelNames(const store::ImageLayers &candidate, std::string_view name, std::string_view digest)
{
    if (!digest.empty()) {
        const std::string d = digestPart(digest);
        if (candidate.digest == d)
            return true;
        for (const std::string &r : candidate.repoDigests)
            if (digestPart(r) == d)
                return true;
    }
    if (!name.empty()) {
        if (const std::string d = digestPart(name); d.starts_with("sha256:")) {
            for (const std::string &r : candidate.repoDigests)
                if (digestPart(r) == d)
                    return true;
        }
        const std::string ref = model::normalizedImageRef(name);
        if (!ref.empty() &&
            std::find(candidate.refs.begin(), candidate.refs.end(), ref) != candidate.refs.end())
            return true;
    }
    return false;
}

// The history boundary (formats.md §12): the base image's history ends with an empty-layer
// CMD or ENTRYPOINT, and the next step was built later (a jump in `created`). The last
// such boundary with layers after it marks the nearest base; returns its layer count, or
// -1 when the history shows none.
int historyBoundary(const store::ImageLayers &image)
{
    constexpr std::int64_t kJump = 60 * 60; // builds of the base and the app are hours apart
    int layersSoFar = 0;
    int boundary = -1;
    const auto &h = image.history;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (!h[i].emptyLayer)
            ++layersSoFar;
        const std::string_view step = h[i].createdBy;
        const bool endsBase =
            h[i].emptyLayer && (step.find("CMD") != std::string_view::npos ||
                                step.find("ENTRYPOINT") != std::string_view::npos);
        if (endsBase && i + 1 < h.size() && h[i].created > 0 && h[i + 1].created > 0 &&
            h[i + 1].created - h[i].created >= kJump && layersSoFar > 0 &&
            std::size_t(layersSoFar) < image.layers.size())
            boundary = layersSoFar;
    }
    // The history must describe the stored layers (same number of layer-creating steps).
    const auto created =
        std::count_if(h.begin(), h.end(), [](const auto &e) { return !e.emptyLayer; });
    return std::size_t(created) == image.layers.size() ? boundary : -1;
}

} // namespace

std::vector<std::optional<BaseImage>>
detectBaseImages(const std::vector<store::ImageLayers> &images)
{
    std::vector<std::optional<BaseImage>> out(images.size());
    for (std::size_t i = 0; i < images.size(); ++i) {
        const store::ImageLayers &image = images[i];
        // The nearest scanned ancestor by layers.
        std::optional<std::size_t> prefix;
        for (std::size_t j = 0; j < images.size(); ++j)
            if (j != i && isStrictPrefix(images[j], image) &&
                (!prefix || images[j].layers.size() > images[*prefix].layers.size()))
                prefix = j;
        const bool labelled = !image.baseNameLabel.empty() || !image.baseDigestLabel.empty();
        std::optional<std::size_t> named;
        if (labelled)
            for (std::size_t j = 0; j < images.size(); ++j)
                if (j != i && labelNames(images[j], image.baseNameLabel, image.baseDigestLabel)) {
                    named = j;
                    break;
                }

        const auto fromImage = [&](std::size_t j, const char *how) {
            BaseImage base;
            base.index = j;
            base.inWorkspace = true;
            base.name = images[j].name;
            base.digest = images[j].digest;
            base.layerCount = int(images[j].layers.size());
            base.detectedBy = how;
            base.confidence = "high";
            return base;
        };
        if (image.manualBase) {
            // The analyst's word wins; a named workspace image supplies name, digest and
            // (when its layers are a prefix and no count was given) the layer count.
            BaseImage base;
            base.name = image.manualBaseRef;
            base.layerCount = image.manualBaseLayers;
            for (std::size_t j = 0; j < images.size(); ++j)
                if (j != i && !image.manualBaseRef.empty() &&
                    labelNames(images[j], image.manualBaseRef, image.manualBaseRef)) {
                    base.index = j;
                    base.inWorkspace = true;
                    base.name = images[j].name;
                    base.digest = images[j].digest;
                    if (base.layerCount < 0 && isStrictPrefix(images[j], image))
                        base.layerCount = int(images[j].layers.size());
                    break;
                }
            if (base.layerCount > int(image.layers.size()))
                base.layerCount = int(image.layers.size());
            base.detectedBy = "manual";
            base.confidence = "high";
            out[i] = base;
        } else if (named && isStrictPrefix(images[*named], image)) {
            out[i] = fromImage(*named, "label");
        } else if (prefix) {
            out[i] = fromImage(*prefix, "prefix");
        } else if (const int boundary = historyBoundary(image); boundary > 0) {
            BaseImage base;
            base.name = image.baseNameLabel; // a label, when there is one, names it
            base.digest = image.baseDigestLabel;
            base.layerCount = boundary;
            base.detectedBy = "history";
            base.confidence = "low";
            out[i] = base;
        } else if (labelled) {
            BaseImage base;
            base.name = image.baseNameLabel;
            base.digest = image.baseDigestLabel;
            base.detectedBy = "label";
            base.confidence = "medium";
            out[i] = base;
        }
    }
    return out;
}

} // namespace patchwise::layers
