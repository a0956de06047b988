// What a receptionist types in the search box: dates, phone numbers and names.

#include "FuzzSupport.h"
#include "domain/SearchText.h"

using namespace frontdesk;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString input = fuzz::text(data, size);
    (void)SearchText::parseDates(input);
    (void)SearchText::phoneForms(input, QStringLiteral("49"));
    (void)SearchText::phoneDigits(input);
    (void)SearchText::nameTokens(input);
    (void)SearchText::fold(input);
    (void)SearchText::foldGerman(input);
    (void)SearchText::compact(input);
    return 0;
}
