// Must not compile: see tests/layering/CMakeLists.txt.
#include <QtCore/QObject>
#include <QtWidgets/QWidget>
#include <QMainWindow>
#include <QtGui/QPainter>
