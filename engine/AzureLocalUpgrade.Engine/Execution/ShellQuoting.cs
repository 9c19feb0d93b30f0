namespace AzureLocalUpgrade.Engine.Execution;

/// <summary>
/// Quotes one argument of a command alu suggests (<c>alu resume RUN --approve GATE</c>) so it can be pasted into a
/// POSIX shell (bash, zsh) and into PowerShell alike. Gate ids hold <c>[</c> and <c>]</c>, which zsh and bash treat as
/// a glob (zsh refuses "no matches found"); single quotes make any text literal in both shells, and a text with a
/// single quote of its own goes in double quotes when nothing in it expands there.
/// </summary>
public static class ShellQuoting
{
    public static string ForAnyShell(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        if (argument.Length > 0 && argument.All(IsPlain))
        {
            return argument;
        }

        if (!argument.Contains('\'', StringComparison.Ordinal))
        {
            return $"'{argument}'";
        }

        // Inside double quotes POSIX shells expand $ ` \ ! and PowerShell $ `; without them the text stays literal.
        return argument.IndexOfAny(['$', '`', '\\', '!', '"']) < 0
            ? $"\"{argument}\""
            : "'" + argument.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
    }

    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or ':' or '=' or '@' or '%' or '+' or ',';
}
