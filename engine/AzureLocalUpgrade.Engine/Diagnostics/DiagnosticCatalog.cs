using System.Globalization;
using AzureLocalUpgrade.Engine.Text;

namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// The one place diagnostics are made (Bicep's DiagnosticBuilder style): one factory per code, so every
/// message and hint is written once and reviewed here. Callers pass the position and the facts.
/// </summary>
public static partial class DiagnosticCatalog
{
    // ---- ALU10xx loading ------------------------------------------------------------------------------------

    public static Diagnostic FileNotFound(SourceSpan span, string path) =>
        Error(span, DiagnosticCodes.FileNotFound, $"The file '{path}' does not exist.", "Check the path; relative paths start at the current directory.");

    public static Diagnostic FileUnreadable(SourceSpan span, string path, string reason) =>
        Error(span, DiagnosticCodes.FileUnreadable, $"The file '{path}' cannot be read: {reason}", "Check the file's permissions and that it is not locked.");

    public static Diagnostic YamlSyntax(SourceSpan span, string detail) =>
        Error(span, DiagnosticCodes.YamlSyntax, $"The YAML is not well formed: {detail}", "Check indentation, unclosed brackets or quotes, and duplicate keys near this position.");

    public static Diagnostic FileTooLarge(SourceSpan span, long sizeBytes, long limitBytes) =>
        Error(span, DiagnosticCodes.FileTooLarge, Invariant($"The file is {sizeBytes} bytes; the limit is {limitBytes} bytes."), "Split the runbook into fragments and import them.");

    public static Diagnostic NestingTooDeep(SourceSpan span, int limit) =>
        Error(span, DiagnosticCodes.NestingTooDeep, Invariant($"The YAML nests deeper than {limit} levels."), "Flatten the document; a runbook never needs this depth.");

    public static Diagnostic AliasExpansionTooLarge(SourceSpan span, long limit) =>
        Error(span, DiagnosticCodes.AliasExpansionTooLarge, Invariant($"YAML aliases expand to more than {limit} nodes, or an alias refers to itself."), "Remove the anchors (&) and aliases (*) that repeat large or recursive content.");

    public static Diagnostic DocumentNotMapping(SourceSpan span) =>
        Error(span, DiagnosticCodes.DocumentNotMapping, "The document must be a YAML mapping with apiVersion, kind, metadata and steps.", "Start from the example in docs/runbook-format.md.");

    public static Diagnostic UnsupportedApiVersion(SourceSpan span, string? found, IEnumerable<string> supported) =>
        Error(span, DiagnosticCodes.UnsupportedApiVersion,
            found is null
                ? $"The document has no apiVersion. Supported: {string.Join(", ", supported)}."
                : $"The apiVersion '{found}' is not supported. Supported: {string.Join(", ", supported)}.",
            "Write 'apiVersion: azurelocal.upgrade/v1' as the first key.");

    public static Diagnostic ImportNotFragment(SourceSpan span, string path, string? kind) =>
        Error(span, DiagnosticCodes.ImportNotFragment, $"'{path}' is a {kind ?? "document without kind"}, but only a Fragment can be imported.", "Set 'kind: Fragment' in the imported file and declare its inputs, or import a different file.");

    public static Diagnostic ImportNotFound(SourceSpan span, string relativePath, string resolvedPath) =>
        Error(span, DiagnosticCodes.ImportNotFound, $"The imported fragment '{relativePath}' does not exist (looked for '{resolvedPath}').", "Import paths are relative to the importing file.");

    public static Diagnostic ImportCycle(SourceSpan span, IEnumerable<string> chain) =>
        Error(span, DiagnosticCodes.ImportCycle, $"Imports form a cycle: {string.Join(" → ", chain)}.", "Move the shared steps into a third fragment that both import.");

    // ---- ALU11xx schema ---------------------------------------------------------------------------------------

    public static Diagnostic SchemaRequired(SourceSpan span, string location, string property) =>
        Error(span, DiagnosticCodes.SchemaRequired, $"{location} is missing the required property '{property}'.");

    public static Diagnostic SchemaUnknownProperty(SourceSpan span, string location, string property, IEnumerable<string> allowed) =>
        Error(span, DiagnosticCodes.SchemaUnknownProperty, $"'{property}' is not a known property of {location}.", NullIfEmpty(Suggest(property, allowed) + AllowedHint(allowed)));

    public static Diagnostic SchemaWrongType(SourceSpan span, string location, string expected, string found) =>
        Error(span, DiagnosticCodes.SchemaWrongType, $"{location} must be {expected}, not {found}.", expected == "a string" ? "Quote the value to make it a string." : null);

    public static Diagnostic SchemaNotInEnum(SourceSpan span, string location, string value, IEnumerable<string> allowed) =>
        Error(span, DiagnosticCodes.SchemaNotInEnum, $"{location} is '{value}', which is not one of: {string.Join(", ", allowed)}.");

    public static Diagnostic SchemaPatternMismatch(SourceSpan span, string location, string value, string pattern, string? meaning) =>
        Error(span, DiagnosticCodes.SchemaPatternMismatch, $"{location} is '{value}', which does not match the pattern {pattern}.", meaning);

    public static Diagnostic SchemaTooSmall(SourceSpan span, string location, string value, string minimum) =>
        Error(span, DiagnosticCodes.SchemaTooSmall, $"{location} is {value}; the minimum is {minimum}.");

    public static Diagnostic SchemaTooLarge(SourceSpan span, string location, string value, string maximum) =>
        Error(span, DiagnosticCodes.SchemaTooLarge, $"{location} is {value}; the maximum is {maximum}.");

    public static Diagnostic SchemaTooFewItems(SourceSpan span, string location, int minimum) =>
        Error(span, DiagnosticCodes.SchemaTooFewItems, Invariant($"{location} needs at least {minimum} item(s)."));

    public static Diagnostic SchemaDuplicateItems(SourceSpan span, string location) =>
        Error(span, DiagnosticCodes.SchemaDuplicateItems, $"{location} lists the same item more than once.", "Remove the repeated item.");

    public static Diagnostic SchemaStringTooShort(SourceSpan span, string location, int minimum) =>
        Error(span, DiagnosticCodes.SchemaStringTooShort, Invariant($"{location} must have at least {minimum} character(s)."));

    public static Diagnostic SchemaOther(SourceSpan span, string location, string rule) =>
        Error(span, DiagnosticCodes.SchemaOther, $"{location} breaks the schema rule '{rule}'.", "See the schema's description of this property (editors show it on hover).");

    // ---- ALU20xx meaning --------------------------------------------------------------------------------------

    public static Diagnostic DuplicateStepId(SourceSpan span, string id, SourceSpan first) =>
        Error(span, DiagnosticCodes.DuplicateStepId, $"The step id '{id}' is already used by a sibling at line {first.Line.ToString(CultureInfo.InvariantCulture)}.", "Step ids must be unique among siblings; rename one of them.");

    public static Diagnostic UnknownNeeds(SourceSpan span, string stepId, string need, IEnumerable<string> available) =>
        Error(span, DiagnosticCodes.UnknownNeeds, $"Step '{stepId}' needs '{need}', which is not a sibling step. Available: {Listed(available)}.", Suggest(need, available) + "'needs' names steps of the same list; to wait for a step elsewhere, wait for its enclosing group.");

    public static Diagnostic DependencyCycle(SourceSpan span, IEnumerable<string> cycle) =>
        Error(span, DiagnosticCodes.DependencyCycle, $"Steps depend on each other in a cycle: {string.Join(" → ", cycle)}.", "A step without 'needs' follows the step before it; give 'needs: []' or an explicit list to break the cycle.");

    public static Diagnostic UnknownUseAlias(SourceSpan span, string alias, IEnumerable<string> available) =>
        Error(span, DiagnosticCodes.UnknownUseAlias, $"'use: {alias}' does not name an import. Imported aliases: {Listed(available)}.", Suggest(alias, available) + "Add '{ as: " + alias + ", fragment: path.yaml }' under imports.");

    public static Diagnostic MissingFragmentInput(SourceSpan span, string alias, string input) =>
        Error(span, DiagnosticCodes.MissingFragmentInput, $"The fragment '{alias}' requires the input '{input}', which neither the step's 'with' nor the import's 'with' gives.", $"Add '{input}: value' under 'with'.");

    public static Diagnostic UnknownFragmentInput(SourceSpan span, string alias, string input, IEnumerable<string> declared) =>
        Error(span, DiagnosticCodes.UnknownFragmentInput, $"The fragment '{alias}' has no input '{input}'. Declared inputs: {Listed(declared)}.", SuggestOnly(input, declared));

    public static Diagnostic FragmentInputWrongType(SourceSpan span, string alias, string input, string reason) =>
        Error(span, DiagnosticCodes.FragmentInputWrongType, $"The fragment '{alias}' input '{input}' is not valid: {reason}.", "Give a value of the input's declared type (see the fragment's 'inputs:'), or a template such as '{{ params.x }}'.");

    public static Diagnostic NodeTargetOutsideForEach(SourceSpan span, string stepId) =>
        Error(span, DiagnosticCodes.NodeTargetOutsideForEach, $"Step '{stepId}' runs 'on: node' but is not inside a 'forEach: node' group, so there is no node.", "Use 'on: cluster' for a cluster-wide command, or move the step into a 'forEach: node' group.");

    public static Diagnostic InvalidDuration(SourceSpan span, string text) =>
        Error(span, DiagnosticCodes.InvalidDuration, $"'{text}' is not a duration.", "Write a number followed by a unit: 30s, 5m, 3h, 2d, or combined as 1h30m.");

    public static Diagnostic StepKindMissing(SourceSpan span, string stepId, IEnumerable<string> kinds) =>
        Error(span, DiagnosticCodes.StepKindMissing, $"Step '{stepId}' says nothing to do: it needs exactly one of {string.Join(", ", kinds)}.");

    public static Diagnostic StepKindAmbiguous(SourceSpan span, string stepId, IEnumerable<string> found) =>
        Error(span, DiagnosticCodes.StepKindAmbiguous, $"Step '{stepId}' has more than one kind ({string.Join(", ", found)}); a step has exactly one.", "Split it into one step per kind.");

    public static Diagnostic ParameterDefaultInvalid(SourceSpan span, string name, string reason) =>
        Error(span, DiagnosticCodes.ParameterDefaultInvalid, $"The default of '{name}' is not valid: {reason}.");

    public static Diagnostic PerNodeEstimateNotForKind(SourceSpan span, string stepId, string kind) =>
        Error(span, DiagnosticCodes.PerNodeEstimateNotForKind,
            $"'estimatePerNode' belongs to powershell, check, wait and manual steps, but step '{stepId}' is a {kind}, whose estimate comes from its steps; it would be ignored.",
            "Put 'estimatePerNode' on the step inside that works through the nodes in turn (a CAU run), or give the group an 'estimate:' (a forEach group already grows with the nodes, round by round).");

    public static Diagnostic GroupOnlyField(SourceSpan span, string field, string stepId) =>
        Error(span, DiagnosticCodes.GroupOnlyField, $"'{field}' belongs to groups, but step '{stepId}' is not a group.", "Move the field to the enclosing group with 'steps:'.");

    public static Diagnostic DuplicateImportAlias(SourceSpan span, string alias) =>
        Error(span, DiagnosticCodes.DuplicateImportAlias, $"The import alias '{alias}' is used twice.", "Give each import its own 'as' name.");

    public static Diagnostic SectionNotForKind(SourceSpan span, string section, string kind, string instead) =>
        Error(span, DiagnosticCodes.SectionNotForKind, $"A {kind} cannot declare '{section}'.", $"Use '{instead}' in a {kind}.");

    public static Diagnostic RunbookMetadataMissing(SourceSpan span, string field) =>
        Error(span, DiagnosticCodes.RunbookMetadataMissing, $"A Runbook must declare metadata.{field}.", field == "upgrade" ? "For example: upgrade: { from: 22H2, to: 23H2 }." : "One of: cau, sconfig, offline, wac, post-upgrade, custom.");

    public static Diagnostic ForEachInsideForEach(SourceSpan span, string stepId) =>
        Error(span, DiagnosticCodes.ForEachInsideForEach, $"Group '{stepId}' repeats 'forEach: node' inside a 'forEach: node' group.", "Its steps already run once per node; remove the inner 'forEach'.");

    // ---- ALU22xx templates ------------------------------------------------------------------------------------

    public static Diagnostic UndefinedTemplateVariable(SourceSpan span, string variable, IEnumerable<string> available) =>
        Error(span, DiagnosticCodes.UndefinedTemplateVariable, $"The template uses '{variable}', which is not defined. Available: {Listed(available)}.");

    public static Diagnostic TemplateSyntax(SourceSpan span, string detail) =>
        Error(span, DiagnosticCodes.TemplateSyntax, $"The template is not valid Scriban: {detail}");

    public static Diagnostic UnbalancedTemplateBraces(SourceSpan span, int opened, int closed) =>
        Error(span, DiagnosticCodes.UnbalancedTemplateBraces, Invariant($"The text opens {opened} '{{{{' but closes {closed} '}}}}'."), "Close every '{{ expression' with '}}'.");

    public static Diagnostic UnknownTemplateField(SourceSpan span, string variable, string field, IEnumerable<string> available) =>
        Error(span, DiagnosticCodes.UnknownTemplateField, $"'{variable}' has no field '{field}'. Fields: {Listed(available)}.");

    public static Diagnostic NodeVariableOutsideForEach(SourceSpan span) =>
        Error(span, DiagnosticCodes.NodeVariableOutsideForEach, "The template uses 'node', which exists only inside a 'forEach: node' group.", "Move the step into the group, or use 'cluster' fields.");

    // ---- ALU23xx parameter values -----------------------------------------------------------------------------

    public static Diagnostic ParameterValueWrongType(SourceSpan span, string name, string value, string type) =>
        Error(span, DiagnosticCodes.ParameterValueWrongType, $"The value '{value}' of '{name}' is not a valid {type}.", TypeHint(type));

    public static Diagnostic ParameterValueNotInEnum(SourceSpan span, string name, string value, IEnumerable<string> allowed) =>
        Error(span, DiagnosticCodes.ParameterValueNotInEnum, $"The value '{value}' of '{name}' is not one of: {string.Join(", ", allowed)}.");

    public static Diagnostic ParameterValuePatternMismatch(SourceSpan span, string name, string value, string pattern) =>
        Error(span, DiagnosticCodes.ParameterValuePatternMismatch, $"The value '{value}' of '{name}' does not match the pattern {pattern}.");

    public static Diagnostic ParameterValueMissing(SourceSpan span, string name) =>
        Error(span, DiagnosticCodes.ParameterValueMissing, $"The parameter '{name}' is required and has no value.", $"Pass --set {name}=VALUE or put '{name}' in the --params file.");

    public static Diagnostic UnknownParameter(SourceSpan span, string name, IEnumerable<string> declared) =>
        Error(span, DiagnosticCodes.UnknownParameter, $"The runbook has no parameter '{name}'. Declared: {Listed(declared)}.", SuggestOnly(name, declared));

    public static Diagnostic MalformedSetArgument(SourceSpan span, string argument) =>
        Error(span, DiagnosticCodes.MalformedSetArgument, $"'--set {argument}' is not of the form name=value.");

    public static Diagnostic ParamsFileNotMap(SourceSpan span) =>
        Error(span, DiagnosticCodes.ParamsFileNotMap, "The parameters file must be a map of parameter name to value.", "For example: setupMedia: D:\\Media");

    // ---- ALU40xx PowerShell -----------------------------------------------------------------------------------

    public static Diagnostic ScriptParseError(SourceSpan span, string errorId, string message) =>
        Error(span, DiagnosticCodes.ScriptParseError, $"PowerShell cannot parse the script: {message} ({errorId})");

    // ---- ALU50xx cluster inventory ----------------------------------------------------------------------------

    public static Diagnostic DuplicateNodeName(SourceSpan span, string name) =>
        Error(span, DiagnosticCodes.DuplicateNodeName, $"The node '{name}' is listed more than once.", "Node names are compared without case; list each node once.");

    public static Diagnostic InvalidBuild(SourceSpan span, string text) =>
        Error(span, DiagnosticCodes.InvalidBuild, $"'{text}' is not an OS build.", "Write the full build, e.g. 20349.3692 (22H2), 25398.1611 (23H2) or 26100.4061 (24H2).");

    public static Diagnostic InlineCredential(SourceSpan span, string key) =>
        Error(span, DiagnosticCodes.InlineCredential, $"'{key}' puts a secret in the inventory; a credential must be a reference.", "Use passwordEnv (an environment variable), passwordFile, or credentialStore.");

    public static Diagnostic CredentialMissing(SourceSpan span) =>
        Error(span, DiagnosticCodes.CredentialMissing, "A real cluster (simulated: false) needs a credential reference.", "Add credential: { userName: DOMAIN\\user, passwordEnv: VARIABLE }.");

    // ---- helpers ----------------------------------------------------------------------------------------------

    private static Diagnostic Error(SourceSpan span, string code, string message, string? hint = null) =>
        new(code, Severity.Error, span, message, hint);

    private static string Listed(IEnumerable<string> names)
    {
        var sorted = names.Order(StringComparer.Ordinal).ToList();
        return sorted.Count == 0 ? "(none)" : string.Join(", ", sorted);
    }

    // "Did you mean 'x'? " when an unknown key is one typo away from a known one (Levenshtein, as for cmdlet names).
    private static string Suggest(string written, IEnumerable<string> known) => Validation.Catalog.Suggestions.DidYouMean(written, known);

    private static string? SuggestOnly(string written, IEnumerable<string> known) => NullIfEmpty(Suggest(written, known));

    private static string? NullIfEmpty(string text) => text.TrimEnd() is { Length: > 0 } trimmed ? trimmed : null;

    private static string? AllowedHint(IEnumerable<string> allowed)
    {
        var list = allowed.Order(StringComparer.Ordinal).ToList();
        return list.Count == 0 ? null : $"Allowed here: {string.Join(", ", list)}.";
    }

    private static string? TypeHint(string type) => type switch
    {
        "bool" => "Write true or false.",
        "int" => "Write a whole number.",
        "duration" => "Write a duration such as 30s, 5m, 1h30m or 2d.",
        _ => null,
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
