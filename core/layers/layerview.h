// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "basedetect.h"
#include "risk/engine.h"
#include "util/result.h"

#include <array>
#include <optional>
#include <string>
#include <vector>

// One image layer by layer (`patchwise-cli layers`): what each layer holds, and which
// layers came with the base image.
namespace patchwise::layers {

struct LayerSummary
{
    int index = 0;
    std::string diffId;
    std::string createdBy;
    std::int64_t size = -1;
    bool inBase = false;
    int findings = 0;                // open findings attributed to this layer
    std::array<int, 5> bySeverity{}; // critical, high, medium, low (with negligible), unknown
    int baseImageFixes = 0;          // of those, fixed by updating the base image
    double riskSum = 0;
};

struct ImageLayerView
{
    std::string image;
    std::string imageDigest;
    std::optional<BaseImage> base;
    std::vector<LayerSummary> layers;
    int unattributed = 0; // open findings whose layer the reports did not give
};

// Finds the image a reference names: a name or tag (normalised: "nginx" is
// docker.io/library/nginx:latest), a repo digest (repo@sha256:…), a config digest, or a
// unique prefix of one (at least 4 hex digits, "sha256:" optional). The error says whether
// nothing or several images matched, naming them.
Result<std::size_t> resolveImage(const std::vector<store::ImageLayers> &images,
                                 std::string_view reference);

// The layer view of `images[index]` under a scoring of the same workspace.
ImageLayerView layerView(const std::vector<store::ImageLayers> &images,
                         std::size_t index,
                         const std::optional<BaseImage> &base,
                         const risk::Scoring &scoring);

} // namespace patchwise::layers
