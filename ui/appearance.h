#pragma once

#include <QColor>
#include <QPalette>
#include <QString>

namespace nrdb {

// Light, Dark, or whatever the desktop uses (System), chosen in Settings and kept in the settings
// file. Light and Dark are Fusion with a palette of their own, so that they look the same on
// every desktop. GUI thread only.
enum class Appearance { System, Light, Dark };

QString appearanceLabel(Appearance appearance); // "System", "Light", "Dark"
Appearance savedAppearance();
void saveAppearance(Appearance appearance);
// Makes it the application's; every widget follows (PaletteChange).
void applyAppearance(Appearance appearance);

bool isDark(const QPalette &palette);

// What a colour means, rather than which colour: each tone is legible on both palettes (darker on
// a light one, lighter on a dark one).
enum class Tone { Good, Bad, Warning, Info, Cascade };
QColor toneColor(Tone tone, const QPalette &palette);

// palette with its window and button colours drawn toward red: a production database's window,
// told apart at a glance on either palette, its text still legible.
QPalette productionTinted(const QPalette &palette);

} // namespace nrdb
