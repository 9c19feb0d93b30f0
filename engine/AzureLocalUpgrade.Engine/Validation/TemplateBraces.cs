namespace AzureLocalUpgrade.Engine.Validation;

/// <summary>
/// Matches <c>{{</c> with <c>}}</c> in template text. Scriban treats an unclosed <c>{{ x</c> as plain text, which
/// would silently print braces into a plan, so the front end checks the pairing itself.
/// </summary>
internal static class TemplateBraces
{
    /// <summary>The first brace that has no partner, with the totals for the message; null when all pair up.</summary>
    public static (int Offset, int Opened, int Closed)? FindUnmatched(string text)
    {
        int opened = 0, closed = 0, depth = 0, openAt = -1, strayCloseAt = -1;
        for (var index = 0; index < text.Length - 1; index++)
        {
            if (text[index] == '{' && text[index + 1] == '{')
            {
                opened++;
                if (depth++ == 0)
                {
                    openAt = index;
                }

                index++;
            }
            else if (text[index] == '}' && text[index + 1] == '}')
            {
                closed++;
                if (depth == 0 && strayCloseAt < 0)
                {
                    strayCloseAt = index;
                }

                depth = Math.Max(0, depth - 1);
                index++;
            }
        }

        if (strayCloseAt >= 0)
        {
            return (strayCloseAt, opened, closed);
        }

        return depth > 0 ? (openAt, opened, closed) : null;
    }

    /// <summary>1-based line and column of a character offset in <paramref name="text"/>.</summary>
    public static (int Line, int Column) LineAndColumn(string text, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var index = 0; index < offset; index++)
        {
            if (text[index] == '\n')
            {
                line++;
                lineStart = index + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }
}
