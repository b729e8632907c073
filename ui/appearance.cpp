#include "appearance.h"

#include <QApplication>
#include <QProxyStyle>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>

namespace nrdb {

namespace {

const QString kAppearanceKey = QStringLiteral("appearance");

QPalette lightPalette()
{
    QPalette palette(QColor(0xef, 0xef, 0xef));
    palette.setColor(QPalette::Base, Qt::white);
    palette.setColor(QPalette::AlternateBase, QColor(0xf5, 0xf5, 0xf5));
    palette.setColor(QPalette::Text, QColor(0x1f, 0x1f, 0x1f));
    palette.setColor(QPalette::WindowText, QColor(0x1f, 0x1f, 0x1f));
    palette.setColor(QPalette::ButtonText, QColor(0x1f, 0x1f, 0x1f));
    palette.setColor(QPalette::Highlight, QColor(0x30, 0x8c, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x1d, 0x4e, 0xd8));
    palette.setColor(QPalette::PlaceholderText, QColor(0x80, 0x80, 0x80));
    palette.setColor(QPalette::ToolTipBase, QColor(0xff, 0xff, 0xdc));
    palette.setColor(QPalette::ToolTipText, Qt::black);
    return palette;
}

QPalette darkPalette()
{
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor text(0xe6, 0xe6, 0xe6);
    QPalette palette(window);
    palette.setColor(QPalette::Window, window);
    palette.setColor(QPalette::WindowText, text);
    palette.setColor(QPalette::Base, QColor(0x1e, 0x1f, 0x22));
    palette.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    palette.setColor(QPalette::Text, text);
    palette.setColor(QPalette::Button, QColor(0x36, 0x38, 0x3c));
    palette.setColor(QPalette::ButtonText, text);
    palette.setColor(QPalette::BrightText, Qt::white);
    palette.setColor(QPalette::Highlight, QColor(0x3d, 0x7e, 0xc6));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(0x8a, 0xb4, 0xf8));
    palette.setColor(QPalette::LinkVisited, QColor(0xc5, 0x8a, 0xf9));
    palette.setColor(QPalette::PlaceholderText, QColor(0x90, 0x90, 0x90));
    palette.setColor(QPalette::ToolTipBase, QColor(0x36, 0x38, 0x3c));
    palette.setColor(QPalette::ToolTipText, text);
    palette.setColor(QPalette::Light, QColor(0x4a, 0x4c, 0x50));
    palette.setColor(QPalette::Midlight, QColor(0x40, 0x42, 0x46));
    palette.setColor(QPalette::Mid, QColor(0x5a, 0x5c, 0x60));
    palette.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    palette.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        palette.setColor(QPalette::Disabled, role, QColor(0x7a, 0x7a, 0x7a));
    palette.setColor(QPalette::Disabled, QPalette::Base, window);
    return palette;
}

// Fusion, with check boxes and radio buttons that show on a dark palette: Fusion outlines them a
// shade darker than the window, which on a dark one is next to the base they sit on.
class LegibleFusion : public QProxyStyle {
public:
    LegibleFusion() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) {}

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        const bool indicator = element == PE_IndicatorCheckBox || element == PE_IndicatorRadioButton;
        if (indicator && isDark(option->palette) && drawOutlined<QStyleOptionButton>(element, option, painter, widget))
            return;
        QProxyStyle::drawPrimitive(element, option, painter, widget);
    }

private:
    template <typename Option>
    bool drawOutlined(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                      const QWidget *widget) const
    {
        const auto *typed = qstyleoption_cast<const Option *>(option);
        if (!typed)
            return false;
        Option outlined(*typed);
        outlined.palette.setColor(QPalette::Window, QColor(0x9a, 0x9d, 0xa3)); // Fusion outlines with it, darker
        QProxyStyle::drawPrimitive(element, &outlined, painter, widget);
        return true;
    }
};

// The desktop's own, as the application started with it.
struct SystemLook {
    QString style;
    QPalette palette;
};

const SystemLook &systemLook()
{
    static const SystemLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

} // namespace

QString appearanceLabel(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QApplication::translate("Appearance", "Light");
    case Appearance::Dark:
        return QApplication::translate("Appearance", "Dark");
    case Appearance::System:
        break;
    }
    return QApplication::translate("Appearance", "System");
}

Appearance savedAppearance()
{
    const QString saved = QSettings().value(kAppearanceKey).toString();
    if (saved == QLatin1String("light"))
        return Appearance::Light;
    if (saved == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

void saveAppearance(Appearance appearance)
{
    QSettings().setValue(kAppearanceKey, appearance == Appearance::Light  ? QStringLiteral("light")
                                         : appearance == Appearance::Dark ? QStringLiteral("dark")
                                                                          : QStringLiteral("system"));
}

void applyAppearance(Appearance appearance)
{
    const SystemLook &system = systemLook(); // taken before the first change
    if (appearance == Appearance::System) {
        QApplication::setStyle(QStyleFactory::create(system.style));
        QApplication::setPalette(system.palette);
        return;
    }
    QApplication::setStyle(new LegibleFusion);
    QApplication::setPalette(appearance == Appearance::Dark ? darkPalette() : lightPalette());
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightnessF() < 0.5;
}

QColor toneColor(Tone tone, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x81, 0xc7, 0x84) : QColor(0x25, 0x6b, 0x29);
    case Tone::Bad:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xc6, 0x28, 0x28);
    case Tone::Warning:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0x95, 0x58, 0x00);
    case Tone::Info:
        return dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x1d, 0x4e, 0xd8);
    case Tone::Cascade:
        return dark ? QColor(0xc0, 0x84, 0xfc) : QColor(0x93, 0x33, 0xea);
    }
    return {};
}

QPalette productionTinted(const QPalette &palette)
{
    // A fifth of the way to the Bad tone: enough to see, little enough that contrast holds.
    constexpr float kShare = 0.2F;
    const QColor red = toneColor(Tone::Bad, palette);
    const auto toward = [&red](const QColor &from) {
        return QColor::fromRgbF(from.redF() + (red.redF() - from.redF()) * kShare,
                                from.greenF() + (red.greenF() - from.greenF()) * kShare,
                                from.blueF() + (red.blueF() - from.blueF()) * kShare);
    };
    QPalette tinted = palette;
    for (const QPalette::ColorGroup group : {QPalette::Active, QPalette::Inactive, QPalette::Disabled}) {
        for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Button})
            tinted.setColor(group, role, toward(palette.color(group, role)));
    }
    return tinted;
}

} // namespace nrdb
