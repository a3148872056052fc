// SPDX-License-Identifier: GPL-3.0-or-later
#include "document.h"

#include <QFontMetricsF>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextLayout>
#include <algorithm>
#include <memory>

namespace patchwise::report {

namespace {

constexpr double kMm = 72.0 / 25.4;
constexpr double kCellPadX = 3, kCellPadY = 2.2;
const QColor kRule(0xbd, 0xbd, 0xbd);
const QColor kHeaderFill(0xec, 0xef, 0xf1);
const QColor kMuted(0x75, 0x75, 0x75);

// Plain text for QTextLayout: line breaks become line separators, other control characters
// spaces (scan text may hold anything).
QString plain(const QString &text)
{
    QString out = text;
    for (QChar &c : out) {
        if (c == u'\n')
            c = QChar::LineSeparator;
        else if (c == u'\r' || c == u'\t' || (c.unicode() < 0x20) || c.unicode() == 0x7f)
            c = u' ';
    }
    return out;
}

} // namespace

struct Document::Laid
{
    std::unique_ptr<QTextLayout> layout;
    int lines = 0;      // lines drawn from the layout
    double height = 0;  // device pixels
    QString elided;     // the last line, elided, when the text was cut
    double elidedY = 0; // its top, device pixels
};

Document::Document(QPagedPaintDevice &device, QPainter *painter, Chrome chrome, int totalPages)
    : m_device(device)
    , m_painter(painter)
    , m_chrome(std::move(chrome))
    , m_totalPages(totalPages)
{
    m_scale = double(device.logicalDpiY()) / 72.0;
    m_pageWidth = double(device.width()) / m_scale;
    m_pageHeight = double(device.height()) / m_scale;
    m_left = 18 * kMm;
    m_right = m_pageWidth - 18 * kMm;
    m_top = 22 * kMm;
    m_bottom = m_pageHeight - 18 * kMm;
    beginPage();
}

Document::~Document() = default;

QFont Document::font(Style style)
{
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setStyleHint(QFont::SansSerif);
    f.setHintingPreference(QFont::PreferNoHinting);
    // No ligatures: "fi" stays two letters, so text copied or extracted from the PDF
    // (pdftotext, search) reads as written. Scripts that need shaping still get it.
    f.setStyleStrategy(QFont::PreferNoShaping);
    switch (style) {
    case Style::Title:
        f.setPointSizeF(26);
        f.setBold(true);
        break;
    case Style::Subtitle:
        f.setPointSizeF(13);
        break;
    case Style::Heading1:
        f.setPointSizeF(15);
        f.setBold(true);
        break;
    case Style::Heading2:
        f.setPointSizeF(11);
        f.setBold(true);
        break;
    case Style::Body:
        f.setPointSizeF(9);
        break;
    case Style::Small:
        f.setPointSizeF(7.5);
        break;
    case Style::Mono:
        f.setFamily(QStringLiteral("DejaVu Sans Mono"));
        f.setStyleHint(QFont::Monospace);
        f.setPointSizeF(7.5);
        break;
    }
    return f;
}

QFont Document::drawingFont(Style style, double points) const
{
    QFont f = font(style);
    f.setPointSizeF((points > 0 ? points : f.pointSizeF()) / m_scale);
    return f;
}

Document::Laid Document::lay(
    const QString &text, const QFont &font, double width, int maxLines, Qt::Alignment align) const
{
    Laid out;
    const QString shown = plain(text);
    out.layout = std::make_unique<QTextLayout>(shown, font, &m_device);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setAlignment(align);
    option.setUseDesignMetrics(true);
    out.layout->setTextOption(option);
    const double widthPx = std::max(1.0, width * m_scale);
    out.layout->beginLayout();
    double y = 0;
    while (true) {
        QTextLine line = out.layout->createLine();
        if (!line.isValid())
            break;
        line.setLineWidth(widthPx);
        line.setPosition(QPointF(0, y));
        const bool more = line.textStart() + line.textLength() < shown.size();
        if (maxLines > 0 && out.lines + 1 == maxLines && more) {
            // The last line allowed: everything left, elided.
            const QFontMetricsF metrics(font, &m_device);
            out.elided =
                metrics.elidedText(shown.mid(line.textStart()).replace(QChar::LineSeparator, u' '),
                                   Qt::ElideRight,
                                   widthPx);
            out.elidedY = y;
            y += line.height();
            break;
        }
        y += line.height();
        ++out.lines;
    }
    out.layout->endLayout();
    out.height = y;
    return out;
}

double
Document::textHeight(const QString &text, const QFont &font, double width, int maxLines) const
{
    return lay(text, font, width, maxLines, Qt::AlignLeft).height / m_scale;
}

double Document::drawText(double x,
                          double y,
                          const QString &text,
                          const QFont &font,
                          double width,
                          const QColor &color,
                          int maxLines,
                          Qt::Alignment align)
{
    const Laid laid = lay(text, font, width, maxLines, align);
    if (m_painter) {
        m_painter->save();
        m_painter->setPen(color);
        m_painter->setFont(QFont(font, &m_device));
        const QPointF origin(x * m_scale, y * m_scale);
        for (int i = 0; i < laid.lines; ++i)
            laid.layout->lineAt(i).draw(m_painter, origin);
        if (!laid.elided.isEmpty()) {
            const QFontMetricsF metrics(font, &m_device);
            m_painter->drawText(QPointF(origin.x(), origin.y() + laid.elidedY + metrics.ascent()),
                                laid.elided);
        }
        m_painter->restore();
    }
    return laid.height / m_scale;
}

void Document::beginPage()
{
    m_y = m_top;
    chrome();
}

void Document::chrome()
{
    if (!m_painter)
        return;
    const QFont small = font(Style::Small);
    const double headerY = 11 * kMm;
    drawText(m_left, headerY, m_chrome.title, small, width() * 0.65, kMuted);
    drawText(m_left + width() * 0.65,
             headerY,
             m_chrome.right,
             small,
             width() * 0.35,
             kMuted,
             1,
             Qt::AlignRight);
    m_painter->save();
    m_painter->setPen(QPen(kRule, 0.5 * m_scale));
    const double ruleY = (headerY + 4.2 * kMm) * m_scale;
    m_painter->drawLine(QPointF(m_left * m_scale, ruleY), QPointF(m_right * m_scale, ruleY));
    m_painter->restore();
    const double footerY = m_pageHeight - 11 * kMm;
    drawText(m_left, footerY, m_chrome.footer, small, width() * 0.7, kMuted, 1);
    const QString number = m_totalPages > 0
                               ? QStringLiteral("Page %1 of %2").arg(m_page).arg(m_totalPages)
                               : QStringLiteral("Page %1").arg(m_page);
    drawText(
        m_left + width() * 0.7, footerY, number, small, width() * 0.3, kMuted, 1, Qt::AlignRight);
}

void Document::newPage()
{
    if (m_painter)
        m_device.newPage();
    ++m_page;
    beginPage();
}

void Document::ensureSpace(double height)
{
    if (m_y + height > m_bottom && m_y > m_top)
        newPage();
}

void Document::space(double height)
{
    m_y = std::min(m_y + height, m_bottom);
}

void Document::heading(const QString &text, Style style, double keepWith)
{
    const QFont f = font(style);
    const double before = style == Style::Heading1 ? 10 : 6;
    const double h = textHeight(text, f, width());
    if (m_y > m_top)
        ensureSpace(before + h + keepWith);
    if (m_y > m_top)
        m_y += before;
    m_y += drawText(m_left, m_y, text, f, width(), QColor(0x1a, 0x23, 0x7e));
    m_y += 3;
}

void Document::paragraph(const QString &text, Style style, const QColor &color)
{
    const QFont f = font(style);
    // Line by line: a paragraph longer than what is left of the page goes on over the next
    // (a short one that does not fit moves whole, with at most a few lines left behind).
    const Laid laid = lay(text, f, width(), 0, Qt::AlignLeft);
    if (laid.height / m_scale <= 4 * QFontMetricsF(f, &m_device).height() / m_scale)
        ensureSpace(laid.height / m_scale);
    if (m_painter) {
        m_painter->save();
        m_painter->setPen(color);
    }
    for (int i = 0; i < laid.lines; ++i) {
        const QTextLine line = laid.layout->lineAt(i);
        const double h = line.height() / m_scale;
        if (m_y + h > m_bottom)
            newPage();
        if (m_painter)
            line.draw(m_painter, QPointF(m_left * m_scale, m_y * m_scale - line.y()));
        m_y += h;
    }
    if (m_painter)
        m_painter->restore();
    m_y += 4;
}

void Document::drawing(double height,
                       const std::function<void(QPainter &, double x, double y)> &draw)
{
    ensureSpace(height);
    if (m_painter) {
        m_painter->save();
        m_painter->scale(m_scale, m_scale); // the drawing works in points
        draw(*m_painter, m_left, m_y);
        m_painter->restore();
    }
    m_y += height;
}

Document::Table::Table(Document &doc, std::vector<Column> columns, int maxLinesPerCell)
    : m_doc(doc)
    , m_columns(std::move(columns))
    , m_maxLines(maxLinesPerCell)
{
    double total = 0;
    for (const Column &c : m_columns)
        total += c.weight;
    double x = doc.left();
    for (const Column &c : m_columns) {
        const double w = doc.width() * c.weight / (total > 0 ? total : 1);
        m_x.push_back(x);
        m_w.push_back(w);
        x += w;
    }
}

void Document::Table::header()
{
    const QFont f = [] {
        QFont bold = font(Style::Small);
        bold.setBold(true);
        return bold;
    }();
    double h = 0;
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        h = std::max(h, m_doc.textHeight(m_columns[i].title, f, m_w[i] - 2 * kCellPadX, 2));
    h += 2 * kCellPadY;
    if (QPainter *p = m_doc.m_painter) {
        const double k = m_doc.m_scale;
        p->fillRect(QRectF(m_doc.left() * k, m_doc.m_y * k, m_doc.width() * k, h * k), kHeaderFill);
    }
    for (std::size_t i = 0; i < m_columns.size(); ++i)
        m_doc.drawText(m_x[i] + kCellPadX,
                       m_doc.m_y + kCellPadY,
                       m_columns[i].title,
                       f,
                       m_w[i] - 2 * kCellPadX,
                       QColor(0x37, 0x47, 0x4f),
                       2,
                       m_columns[i].align);
    m_doc.m_y += h;
}

void Document::Table::row(const std::vector<Cell> &cells)
{
    const QFont normal = font(Style::Small);
    QFont bold = normal;
    bold.setBold(true);
    double h = 0;
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i)
        h = std::max(
            h,
            m_doc.textHeight(
                cells[i].text, cells[i].bold ? bold : normal, m_w[i] - 2 * kCellPadX, m_maxLines));
    h += 2 * kCellPadY;
    // A new page (with the header again) when the row does not fit; the first row brings
    // the header with it.
    if (m_rows == 0) {
        m_doc.ensureSpace(h + 18);
        header();
    } else if (m_doc.m_y + h > m_doc.m_bottom) {
        m_doc.newPage();
        header();
    }
    if (QPainter *p = m_doc.m_painter) {
        const double k = m_doc.m_scale;
        for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i)
            if (cells[i].fill.isValid())
                p->fillRect(QRectF(m_x[i] * k, m_doc.m_y * k, m_w[i] * k, h * k), cells[i].fill);
        p->save();
        p->setPen(QPen(kRule, 0.35 * k));
        p->drawLine(QPointF(m_doc.left() * k, (m_doc.m_y + h) * k),
                    QPointF((m_doc.left() + m_doc.width()) * k, (m_doc.m_y + h) * k));
        p->restore();
    }
    for (std::size_t i = 0; i < m_columns.size() && i < cells.size(); ++i)
        m_doc.drawText(m_x[i] + kCellPadX,
                       m_doc.m_y + kCellPadY,
                       cells[i].text,
                       cells[i].bold ? bold : normal,
                       m_w[i] - 2 * kCellPadX,
                       cells[i].color,
                       m_maxLines,
                       m_columns[i].align);
    m_doc.m_y += h;
    ++m_rows;
}

} // namespace patchwise::report
