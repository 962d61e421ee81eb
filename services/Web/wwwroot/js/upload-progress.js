// Shows how much of a large file has been sent. Without script the form posts as usual; with it the same
// form data goes by XMLHttpRequest, whose upload events feed the form's <progress>, and the server's answer
// (the same page with the report) replaces the body. Its scripts do not run again, so the forms are bound here.
(() => {
    const bind = () => document.querySelectorAll('form[data-upload-progress]').forEach(form => {
        const progress = form.querySelector('progress');
        const status = form.querySelector('[data-upload-status]');
        form.addEventListener('submit', event => {
            event.preventDefault();
            const request = new XMLHttpRequest();
            request.open('POST', form.getAttribute('action') || location.href);
            request.upload.addEventListener('progress', e => {
                if (!e.lengthComputable) return;
                const percent = Math.round(e.loaded * 100 / e.total);
                progress.hidden = false;
                progress.value = percent;
                status.textContent = percent < 100 ? form.dataset.sending.replace('{0}', percent) : form.dataset.checking;
            });
            request.addEventListener('load', () => {
                const page = new DOMParser().parseFromString(request.responseText, 'text/html');
                document.title = page.title;
                document.body.replaceWith(page.body);
                bind();
                document.getElementById('tresc')?.focus();
            });
            request.addEventListener('error', () => { status.textContent = form.dataset.failed; });
            form.querySelector('button[type=submit]').disabled = true;
            request.send(new FormData(form));
        });
    });
    bind();
})();
