using System.Collections;

namespace AzureLocalUpgrade.Engine.Execution.Hosting;

/// <summary>PowerShell's rules for "is this value true" applied to already-unwrapped .NET values.</summary>
public static class Truthiness
{
    public static bool Of(object? value) => value switch
    {
        null => false,
        bool b => b,
        string s => s.Length > 0,
        int i => i != 0,
        long l => l != 0,
        double d => d != 0,
        decimal m => m != 0,
        ICollection c => c.Count > 0 && (c.Count > 1 || Of(c.Cast<object?>().First())),
        _ => true,
    };
}
