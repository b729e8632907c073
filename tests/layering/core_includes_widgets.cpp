// Must not compile: see tests/layering/CMakeLists.txt.
#include <QMainWindow>
#include <QtCore/QObject>
#include <QtGui/QPainter>
#include <QtWidgets/QWidget>
