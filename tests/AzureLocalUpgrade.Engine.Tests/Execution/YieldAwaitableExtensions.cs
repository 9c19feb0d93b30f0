using System.Runtime.CompilerServices;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

internal static class YieldAwaitableExtensions
{
    public static async Task AsTask(this YieldAwaitable yield) => await yield;
}
