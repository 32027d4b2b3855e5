using FluentValidation;
using MediatR;
using Normalizer.Events;

namespace Normalizer.Ingest.Behaviors;

/// <summary>First: an invalid event is rejected (and quarantined by the caller) before anything is stored.</summary>
internal sealed class ValidationBehavior(IValidator<NormalizedEvent> validator) : IPipelineBehavior<ProcessEvent, ProcessEventResult>
{
    public Task<ProcessEventResult> Handle(ProcessEvent request, CancellationToken cancellationToken,
        RequestHandlerDelegate<ProcessEventResult> next)
    {
        // Runs once per event: validate synchronously (the default rules are all synchronous, and FluentValidation's
        // async path costs a state machine per rule); a validator with async rules gets the async path.
        FluentValidation.Results.ValidationResult check;
        try
        {
            check = validator.Validate(request.Event);
        }
        catch (AsyncValidatorInvokedSynchronouslyException)
        {
            return ValidateAsync(request, cancellationToken, next);
        }

        return check.IsValid ? next() : Task.FromResult(ProcessEventResult.Rejected(check.Errors.Select(e => e.ErrorMessage)));
    }

    private async Task<ProcessEventResult> ValidateAsync(ProcessEvent request, CancellationToken cancellationToken,
        RequestHandlerDelegate<ProcessEventResult> next)
    {
        var check = await validator.ValidateAsync(request.Event, cancellationToken).ConfigureAwait(false);
        return check.IsValid ? await next().ConfigureAwait(false) : ProcessEventResult.Rejected(check.Errors.Select(e => e.ErrorMessage));
    }
}
