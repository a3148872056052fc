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

// True for a history line of a CMD or ENTRYPOINT instruction, as BuildKit (`CMD ["x"]`) or
// the classic builder (`/bin/sh -c #(nop)  CMD ["x"]`) records it; not for HEALTHCHECK
// (whose line holds "CMD-SHELL") or a RUN that mentions the words.
bool setsCommand(std::string_view line)
{
    const auto trim = [&] {
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
            line.remove_prefix(1);
    };
    trim();
    for (std::string_view shell : {"/bin/sh -c #(nop)", "|1 /bin/sh -c #(nop)"})
        if (line.starts_with(shell)) {
            line.remove_prefix(shell.size());
            trim();
        }
    for (std::string_view instruction : {"CMD", "ENTRYPOINT"})
        if (line.starts_with(instruction) &&
            (line.size() == instruction.size() || line[instruction.size()] == ' ' ||
             line[instruction.size()] == '['))
            return true;
    return false;
}

// The history boundary (formats.md §12): the base image's history ends with an empty-layer
// CMD or ENTRYPOINT, and the next step was built later (a jump in `created`). The last
// such boundary with layers after it marks the nearest base; returns its layer count, or
// -1 when the history shows none. With `withoutJump` (a label already says there is a
// base), the last CMD/ENTRYPOINT with layers after it will do when no boundary has a jump.
int historyBoundary(const store::ImageLayers &image, bool withoutJump = false)
{
    constexpr std::int64_t kJump = 60 * 60; // builds of the base and the app are hours apart
    int layersSoFar = 0;
    int boundary = -1, anyBoundary = -1;
    const auto &h = image.history;
    for (std::size_t i = 0; i < h.size(); ++i) {
        if (!h[i].emptyLayer)
            ++layersSoFar;
        const bool endsBase = h[i].emptyLayer && setsCommand(h[i].createdBy);
        if (!endsBase || i + 1 >= h.size() || layersSoFar == 0 ||
            std::size_t(layersSoFar) >= image.layers.size())
            continue;
        anyBoundary = layersSoFar;
        if (h[i].created > 0 && h[i + 1].created > 0 && h[i + 1].created - h[i].created >= kJump)
            boundary = layersSoFar;
    }
    if (boundary < 0 && withoutJump)
        boundary = anyBoundary;
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
        } else {
            // A history boundary above the longest scanned prefix is a nearer base that was
            // not scanned (an app on node, node on a scanned debian): updating it fixes its
            // own layers and the ones below.
            const int boundary = historyBoundary(image, labelled);
            const int prefixLayers = prefix ? int(images[*prefix].layers.size()) : 0;
            if (prefix && boundary <= prefixLayers) {
                out[i] = fromImage(*prefix, "prefix");
            } else if (labelled) {
                // Named by the label; its extent, when the history shows one.
                BaseImage base;
                base.name = image.baseNameLabel;
                base.digest = image.baseDigestLabel;
                base.layerCount = boundary;
                base.detectedBy = "label";
                base.confidence = "medium";
                out[i] = base;
            } else if (boundary > 0) {
                BaseImage base;
                base.layerCount = boundary;
                base.detectedBy = "history";
                base.confidence = "low";
                out[i] = base;
            }
        }
    }
    return out;
}

} // namespace patchwise::layers
