// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "store/workspace.h"

#include <optional>
#include <string>
#include <vector>

// Base-image detection (formats.md §12): which image another image was built on, how that
// was found, and how many of its bottom layers belong to the base.
namespace patchwise::layers {

struct BaseImage
{
    std::size_t index = 0; // ImageLayers index of the base when it is in the workspace
    bool inWorkspace = false;
    std::string name;    // as the label or the base image names it
    std::string digest;  // config digest (workspace image) or the label's digest
    int layerCount = -1; // bottom layers that belong to the base; -1 unknown
    // "label" (OCI base annotations, confirmed or not by the layers or the history), "prefix"
    // (another scanned image's DiffIDs are a strict prefix of this image's), "history" (the config
    // history's last empty-layer CMD/ENTRYPOINT followed by a later build step), "manual"
    // (the analyst set it; it wins over everything else).
    std::string detectedBy;
    // "high" when the layers prove it, "medium" on a label not confirmed by the layers, "low"
    // from the history alone.
    std::string confidence;
};

// The base of every image (same order as `images`), or nothing. A base whose DiffIDs are a
// strict prefix wins; among several, the longest prefix (the nearest ancestor). A label
// naming an image in the workspace whose layers are a prefix is reported as found by
// label with high confidence; a label naming an image that is not in the workspace (or
// whose layers do not match) is reported by label with medium confidence, its layer count
// taken from the history (the last CMD/ENTRYPOINT boundary, a jump in time preferred) or
// unknown. Without a label, the history boundary (with a jump in time) gives the layer
// count of an unnamed base, with low confidence. A history boundary above the longest
// scanned prefix wins over the prefix: it marks a nearer base that was not scanned.
std::vector<std::optional<BaseImage>>
detectBaseImages(const std::vector<store::ImageLayers> &images);

} // namespace patchwise::layers
