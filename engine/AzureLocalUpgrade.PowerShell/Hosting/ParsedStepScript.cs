using System.Collections.Concurrent;
using System.Management.Automation.Language;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// What the host needs from parsing a step's script before running it: its first syntax error, and the names its
/// param() block declares. Kept per script text, since polling steps and every node of a forEach run the same text
/// many times; parsing is pure, so a cached answer is the answer.
/// </summary>
internal sealed record ParsedStepScript(ParseError? FirstError, IReadOnlySet<string> DeclaredParameters)
{
    private static readonly ConcurrentDictionary<string, ParsedStepScript> Cache = new(StringComparer.Ordinal);

    public static ParsedStepScript Of(string script) => Cache.GetOrAdd(script, Parse);

    private static ParsedStepScript Parse(string script)
    {
        var ast = Parser.ParseInput(script, out _, out var errors);
        return new ParsedStepScript(errors.Length > 0 ? errors[0] : null, StepWrapper.DeclaredParameters(ast));
    }
}
