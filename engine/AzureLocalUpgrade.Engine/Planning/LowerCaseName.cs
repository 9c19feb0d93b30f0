using System.Collections.Concurrent;

namespace AzureLocalUpgrade.Engine.Planning;

/// <summary>
/// An enum value's name in lower case ("powershell", "error"), as plans print kinds and severities. Made once per
/// value: ToString().ToLowerInvariant() allocated two strings for each of the thousands of steps of a large plan.
/// </summary>
internal static class LowerCaseName
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum => Cache<TEnum>.Names.GetOrAdd(value, static v => v.ToString().ToLowerInvariant());

    private static class Cache<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly ConcurrentDictionary<TEnum, string> Names = new();
    }
}
