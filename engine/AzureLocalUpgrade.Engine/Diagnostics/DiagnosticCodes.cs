namespace AzureLocalUpgrade.Engine.Diagnostics;

/// <summary>
/// Every stable diagnostic code, numbered by stage: ALU10xx loading, ALU11xx schema, ALU20xx meaning,
/// ALU22xx templates, ALU23xx parameter values, ALU24xx calls checked against the cmdlet catalog, ALU26xx names,
/// ALU40xx PowerShell, ALU50xx cluster inventory.
/// A code never changes meaning once released; docs/diagnostics.md has one entry per code.
/// </summary>
public static class DiagnosticCodes
{
    public const string FileNotFound = "ALU1001";
    public const string FileUnreadable = "ALU1002";
    public const string YamlSyntax = "ALU1003";
    public const string FileTooLarge = "ALU1004";
    public const string NestingTooDeep = "ALU1005";
    public const string AliasExpansionTooLarge = "ALU1006";
    public const string DocumentNotMapping = "ALU1007";
    public const string UnsupportedApiVersion = "ALU1008";
    public const string ImportNotFragment = "ALU1009";
    public const string ImportNotFound = "ALU1010";
    public const string ImportCycle = "ALU1011";

    public const string CatalogNotFound = "ALU1015";
    public const string CatalogInvalid = "ALU1016";
    public const string CatalogFormatVersion = "ALU1017";
    public const string CatalogDuplicateCommand = "ALU1018";

    public const string SchemaRequired = "ALU1101";
    public const string SchemaUnknownProperty = "ALU1102";
    public const string SchemaWrongType = "ALU1103";
    public const string SchemaNotInEnum = "ALU1104";
    public const string SchemaPatternMismatch = "ALU1105";
    public const string SchemaTooSmall = "ALU1106";
    public const string SchemaTooLarge = "ALU1107";
    public const string SchemaTooFewItems = "ALU1108";
    public const string SchemaDuplicateItems = "ALU1109";
    public const string SchemaStringTooShort = "ALU1110";
    public const string SchemaOther = "ALU1199";

    public const string DuplicateStepId = "ALU2001";
    public const string UnknownNeeds = "ALU2002";
    public const string DependencyCycle = "ALU2003";
    public const string UnknownUseAlias = "ALU2004";
    public const string MissingFragmentInput = "ALU2005";
    public const string UnknownFragmentInput = "ALU2006";
    public const string FragmentInputWrongType = "ALU2017";
    public const string PerNodeEstimateNotForKind = "ALU2018";
    public const string NodeTargetOutsideForEach = "ALU2007";
    public const string InvalidDuration = "ALU2008";
    public const string StepKindMissing = "ALU2009";
    public const string StepKindAmbiguous = "ALU2010";
    public const string ParameterDefaultInvalid = "ALU2011";
    public const string GroupOnlyField = "ALU2012";
    public const string DuplicateImportAlias = "ALU2013";
    public const string SectionNotForKind = "ALU2014";
    public const string RunbookMetadataMissing = "ALU2015";
    public const string ForEachInsideForEach = "ALU2016";

    public const string UndefinedTemplateVariable = "ALU2201";
    public const string TemplateSyntax = "ALU2202";
    public const string UnbalancedTemplateBraces = "ALU2203";
    public const string UnknownTemplateField = "ALU2204";
    public const string NodeVariableOutsideForEach = "ALU2205";

    public const string ParameterValueWrongType = "ALU2301";
    public const string ParameterValueNotInEnum = "ALU2302";
    public const string ParameterValuePatternMismatch = "ALU2303";
    public const string ParameterValueMissing = "ALU2304";
    public const string UnknownParameter = "ALU2305";
    public const string MalformedSetArgument = "ALU2306";
    public const string ParamsFileNotMap = "ALU2307";

    public const string InvalidClusterName = "ALU2601";
    public const string InvalidNodeName = "ALU2602";
    public const string UnknownCommand = "ALU2401";
    public const string UnknownCommandParameter = "ALU2402";
    public const string AmbiguousParameter = "ALU2403";
    public const string MandatoryParameterMissing = "ALU2404";
    public const string ParameterSetConflict = "ALU2405";
    public const string PositionalArgumentNotAccepted = "ALU2406";
    public const string ValueNotAccepted = "ALU2407";
    public const string UnknownOutputProperty = "ALU2408";
    public const string UnguardedCommand = "ALU2409";
    public const string DocsetOnlyParameter = "ALU2410";
    public const string SecondHop = "ALU2411";
    public const string ParameterArgumentMissing = "ALU2412";

    public const string ScriptParseError = "ALU4001";

    public const string DuplicateNodeName = "ALU5001";
    public const string InvalidBuild = "ALU5002";
    public const string InlineCredential = "ALU5003";
    public const string CredentialMissing = "ALU5004";
}
