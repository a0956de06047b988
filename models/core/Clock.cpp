#include "Clock.h"

namespace frontdesk {

const Clock &Clock::system()
{
    static const SystemClock clock;
    return clock;
}

} // namespace frontdesk
