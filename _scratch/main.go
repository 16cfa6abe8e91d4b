package main

import (
	"bytes"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/whosaid/whosaid/corpus"
)

func main() {
	var page string
	switch os.Args[1] {
	case "deep":
		page = "<html><body>" + strings.Repeat("<div>", 20000) + "<p>WASHINGTON (Reuters) - Deep text here, said Jim.</p>" + strings.Repeat("</div>", 20000) + "</body></html>"
	case "deepopen":
		page = "<html><body>" + strings.Repeat("<div><span><b>", 20000) + "<p>WASHINGTON (Reuters) - Deep text here.</p>"
	case "big":
		size, _ := strconv.Atoi(os.Args[2])
		var b strings.Builder
		b.WriteString("<html><body><article>")
		for b.Len() < size {
			b.WriteString("<p>The minister said the plan was \"on schedule and on budget\" and would be finished next year.</p>\n")
		}
		b.WriteString("</article></body></html>")
		page = b.String()
	}
	f, _ := os.Create("/tmp/ws/html.prof")
	pprof.StartCPUProfile(f)
	defer pprof.StopCPUProfile()
	t := time.Now()
	a, err := corpus.ReadHTML("x.html", bytes.NewReader([]byte(page)))
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	fmt.Println(time.Since(t), len(a.Text), err, "heap sys MB", ms.HeapSys>>20, "total alloc MB", ms.TotalAlloc>>20)
}
