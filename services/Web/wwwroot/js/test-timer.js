// Counts down the time left for a test. The server wrote how many seconds were left when it answered; the count
// runs from the moment the page loaded, so a wrong clock on the device changes nothing. The visible timer changes
// every second but is not read out (role=timer, aria-live=off); the status line announces five minutes left, one
// minute left and the end, once each. The server enforces the limit whatever this shows.
(() => {
    const box = document.querySelector('[data-test-timer]');
    if (!box) return;
    const timer = box.querySelector('[role=timer]');
    const status = box.querySelector('[data-timer-status]');
    const { hourUnit, minuteUnit, secondUnit, left, up, warning } = box.dataset;
    const end = performance.now() + Number(box.dataset.remaining) * 1000;
    // The same shape as TestTimer.Duration on the server.
    const duration = seconds => {
        const hours = Math.floor(seconds / 3600), minutes = Math.floor(seconds % 3600 / 60), rest = seconds % 60;
        return hours > 0 ? `${hours} ${hourUnit} ${minutes} ${minuteUnit}`
            : minutes >= 10 ? `${minutes} ${minuteUnit}`
            : minutes > 0 ? `${minutes} ${minuteUnit} ${rest} ${secondUnit}`
            : `${rest} ${secondUnit}`;
    };
    const announced = new Set();
    const tick = () => {
        const seconds = Math.max(0, Math.floor((end - performance.now()) / 1000));
        if (seconds === 0) {
            timer.textContent = up;
            status.textContent = up;
            return;
        }
        timer.textContent = left.replace('{0}', duration(seconds));
        for (const mark of [300, 60]) {
            if (seconds <= mark && !announced.has(mark)) {
                announced.add(mark);
                // Announced only when the page was opened with more time than the mark left.
                if (Number(box.dataset.remaining) > mark) status.textContent = warning.replace('{0}', duration(mark));
            }
        }
        setTimeout(tick, 1000 - ((end - performance.now()) % 1000));
    };
    tick();
})();
