namespace AzureLocalUpgrade.Engine.Validation.Catalog;

/// <summary>
/// The common parameters every cmdlet and advanced function takes (about_CommonParameters), with their documented
/// aliases. -WhatIf and -Confirm are not here: they exist only where a command supports ShouldProcess, so the
/// catalog lists them as that command's own parameters.
/// </summary>
public static class CommonParameters
{
    /// <summary>The values of an ActionPreference (-ErrorAction, -WarningAction, -InformationAction, -ProgressAction).</summary>
    private static readonly IReadOnlyList<string> ActionPreference = ["SilentlyContinue", "Stop", "Continue", "Inquire", "Ignore", "Suspend", "Break"];

    public static readonly IReadOnlyList<CatalogParameter> All =
    [
        Common("Debug", ["db"], isSwitch: true),
        Common("ErrorAction", ["ea"], accepted: ActionPreference),
        Common("ErrorVariable", ["ev"]),
        Common("InformationAction", ["infa"], accepted: ActionPreference),
        Common("InformationVariable", ["iv"]),
        Common("OutBuffer", ["ob"]),
        Common("OutVariable", ["ov"]),
        Common("PipelineVariable", ["pv"]),
        Common("ProgressAction", ["proga"], accepted: ActionPreference),
        Common("Verbose", ["vb"], isSwitch: true),
        Common("WarningAction", ["wa"], accepted: ActionPreference),
        Common("WarningVariable", ["wv"]),
    ];

    public static bool IsCommon(CatalogParameter parameter) => All.Contains(parameter);

    private static CatalogParameter Common(string name, IReadOnlyList<string> aliases, bool isSwitch = false, IReadOnlyList<string>? accepted = null) =>
        new(name, null, aliases, isSwitch, accepted, null, [new CatalogParameterSet(CatalogParameterSet.AllSets, null, false, false, false)]);
}
