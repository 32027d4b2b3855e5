namespace Normalizer.Ingest;

/// <summary>An inbox row went over its budget (<see cref="RowBudget"/>); the message is the quarantine reason.</summary>
internal sealed class RowBudgetExceededException(string message) : Exception(message);
