namespace AzureLocalUpgrade.Engine.Loading;

/// <summary>
/// Annotation on every JToken (and every JProperty, for its key) built from YAML: tokens made by hand have no
/// line info, so schema errors find their position here.
/// </summary>
public sealed record TokenPosition(int Line, int Column);
