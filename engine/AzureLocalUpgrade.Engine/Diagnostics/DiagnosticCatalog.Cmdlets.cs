using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>The cmdlet catalog's diagnostics: loading catalog files (ALU1015–ALU1018) and checking calls (ALU24xx).</summary>
public static partial class DiagnosticCatalog
{
    private const string CatalogFormatHint = "The format is described in schemas/cmdlets/README.md.";

    // ---- ALU1015–ALU1018 catalog files ------------------------------------------------------------------------

    public static Diagnostic CatalogNotFound(SourceSpan span, string relativePath, string resolvedPath) =>
        Error(span, DiagnosticCodes.CatalogNotFound, $"The cmdlet catalog '{relativePath}' does not exist (looked for '{resolvedPath}').",
            "Paths in metadata.catalogs are relative to the file that lists them.");

    public static Diagnostic CatalogInvalid(SourceSpan span, string problem) =>
        Error(span, DiagnosticCodes.CatalogInvalid, $"The cmdlet catalog is not in the catalog format: {problem}.", CatalogFormatHint);

    public static Diagnostic CatalogFormatVersion(SourceSpan span, string? found, int supported) =>
        Error(span, DiagnosticCodes.CatalogFormatVersion,
            found is null ? "The cmdlet catalog has no formatVersion." : $"The cmdlet catalog has formatVersion '{found}', which this alu does not read.",
            Invariant($"Write \"formatVersion\": {supported}. {CatalogFormatHint}"));

    public static Diagnostic CatalogDuplicateCommand(SourceSpan span, string command, SourceSpan first) =>
        Error(span, DiagnosticCodes.CatalogDuplicateCommand,
            first.IsNone ? $"The command '{command}' is already defined in {first.File}." : $"The command '{command}' is already defined at {first}.",
            "Define each command once: a custom catalog adds commands, it cannot redefine shipped ones.");

    // ---- ALU24xx calls checked against the catalog ------------------------------------------------------------

    public static Diagnostic UnknownCommand(SourceSpan span, string command, string? suggestion) =>
        Error(span, DiagnosticCodes.UnknownCommand, $"'{command}' is not a command in the cmdlet catalog.",
            DidYouMean(suggestion) + "Scripts may call the commands of Microsoft's reference (schemas/cmdlets), functions they define "
            + "themselves, and commands a runbook declares in a catalog file listed in metadata.catalogs.");

    public static Diagnostic UnknownCommandParameter(SourceSpan span, string command, string parameter, string? suggestion, IEnumerable<string> accepted) =>
        Error(span, DiagnosticCodes.UnknownCommandParameter, $"'{command}' has no parameter '-{parameter}'.",
            DidYouMean(suggestion is null ? null : "-" + suggestion) + AcceptedParameters(command, accepted));

    public static Diagnostic AmbiguousParameter(SourceSpan span, string command, string prefix, IEnumerable<string> candidates) =>
        Error(span, DiagnosticCodes.AmbiguousParameter, $"'-{prefix}' is ambiguous for '{command}': it starts {Dashed(candidates, " and ")}.",
            "Write enough of the name to tell them apart.");

    public static Diagnostic MandatoryParameterMissing(SourceSpan span, string command, IEnumerable<string> missing, string setsNeeded) =>
        Error(span, DiagnosticCodes.MandatoryParameterMissing, $"'{command}' is called without its mandatory {Dashed(missing, ", ")}; a non-interactive session cannot prompt for it.",
            $"Give the missing value. {setsNeeded}");

    public static Diagnostic ParameterSetConflict(SourceSpan span, string command, IEnumerable<string> given, string sets) =>
        Error(span, DiagnosticCodes.ParameterSetConflict, $"'{command}' cannot take {Dashed(given, " and ")} together: no parameter set has them all.",
            $"Use the parameters of one set. {sets}");

    public static Diagnostic PositionalArgumentNotAccepted(SourceSpan span, string command, string argument, IEnumerable<string> positional) =>
        Error(span, DiagnosticCodes.PositionalArgumentNotAccepted, $"'{command}' has no positional parameter left for the argument {argument}.",
            positional.Any()
                ? $"Name the parameter it is for. Positional parameters, in order: {Dashed(positional, ", ")}."
                : $"Name the parameter it is for: '{command}' has no positional parameters.");

    public static Diagnostic ValueNotAccepted(SourceSpan span, string command, string parameter, string value, string? suggestion, IEnumerable<string> accepted) =>
        Error(span, DiagnosticCodes.ValueNotAccepted, $"'{value}' is not an accepted value of -{parameter} of '{command}'.",
            DidYouMean(suggestion is null ? null : $"'{suggestion}'") + $"Accepted values: {string.Join(", ", accepted)}.");

    public static Diagnostic UnknownOutputProperty(SourceSpan span, string command, string property, IEnumerable<string> types, string? suggestion, IEnumerable<string> properties) =>
        Error(span, DiagnosticCodes.UnknownOutputProperty, $"'{command}' outputs {string.Join(" or ", types)}, which has no property '{property}'.",
            properties.Any()
                ? DidYouMean(suggestion) + $"Its properties: {string.Join(", ", properties)}."
                : "Microsoft's reference documents no property of this output; test the command's success another way.");

    public static Diagnostic UnguardedCommand(SourceSpan span, string command, string requires) =>
        Error(span, DiagnosticCodes.UnguardedCommand, $"'{command}' exists only {Requirement(requires)}, and the script calls it without first checking that it is there.",
            $"Guard the call earlier in the same script: if (Get-Command {command} -ErrorAction SilentlyContinue) {{ ... }}.");

    public static Diagnostic DocsetOnlyParameter(SourceSpan span, string command, string parameter, IEnumerable<string> documentedIn, IEnumerable<string> runsOn) =>
        Warning(span, DiagnosticCodes.DocsetOnlyParameter,
            $"-{parameter} of '{command}' is documented only in {string.Join(", ", documentedIn)}, but the script may run on {string.Join(", ", runsOn)}.",
            $"Test for it first, e.g. if ((Get-Command {command}).Parameters.ContainsKey('{parameter}')) {{ ... }}, or leave it out.");

    public static Diagnostic SecondHop(SourceSpan span, string command, string parameter, string target) =>
        Warning(span, DiagnosticCodes.SecondHop,
            $"'{command} -{parameter} {target}' in a node session reaches another machine: that second hop has no credentials unless CredSSP or delegation is set up.",
            "Query each node in its own session (a step inside forEach: node with on: node), or run the call on: orchestrator or on: cluster; otherwise configure CredSSP or Kerberos constrained delegation.");

    public static Diagnostic ParameterArgumentMissing(SourceSpan span, string command, string parameter, string? type) =>
        Error(span, DiagnosticCodes.ParameterArgumentMissing, $"-{parameter} of '{command}' needs a value{(type is null ? "" : $" ({type})")}, and none follows it.",
            $"Write the value after -{parameter}.");

    private static Diagnostic Warning(SourceSpan span, string code, string message, string? hint = null) =>
        new(code, Severity.Warning, span, message, hint);

    private static string DidYouMean(string? suggestion) => suggestion is null ? "" : $"Did you mean {suggestion}? ";

    private static string Dashed(IEnumerable<string> names, string separator) => string.Join(separator, names.Select(n => "-" + n));

    private static string AcceptedParameters(string command, IEnumerable<string> accepted) =>
        accepted.Any()
            ? $"'{command}' accepts {Dashed(accepted, ", ")} and the common parameters."
            : $"'{command}' accepts only the common parameters.";

    private static string Requirement(string requires) => requires switch
    {
        "solution-deployed" => "where the Azure Local solution (23H2 and later) is deployed",
        "az-signin" => "with an Az module and a signed-in Azure context",
        _ when requires.StartsWith("module:", StringComparison.Ordinal) => $"where the module {requires["module:".Length..]} is installed",
        _ => $"where '{requires}' holds",
    };
}
