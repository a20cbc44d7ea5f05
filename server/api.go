package server

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"

	"github.com/kilde-news/kilde"
	"github.com/kilde-news/kilde/kilde1"
	"github.com/kilde-news/kilde/read"
)

// searchResponse is the body of GET /api/search.
type searchResponse struct {
	Query string      `json:"query"`
	Page  int         `json:"page"`
	Total int         `json:"total"`
	Hits  []searchHit `json:"hits"`
}

type searchHit struct {
	ID        string   `json:"id"`
	ContentID string   `json:"content_id"`
	Date      *string  `json:"date"`
	Lang      string   `json:"lang"`
	Outlet    *string  `json:"outlet"`
	Title     *string  `json:"title"`
	Cluster   string   `json:"cluster"`
	Score     float64  `json:"score"`
	Snippet   string   `json:"snippet"`
	Highlight [][2]int `json:"highlights"` // code-point offsets into snippet
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, page, err := searchQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	res, err := s.store.Search(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	out := searchResponse{Query: q.Text, Page: page, Total: res.Total, Hits: make([]searchHit, 0, len(res.Hits))}
	for _, h := range res.Hits {
		sh := searchHit{ID: h.ID, ContentID: h.ContentID, Date: strp(h.Date), Lang: h.Lang, Outlet: strp(h.Outlet),
			Title: strp(h.Title), Cluster: h.Cluster, Score: h.Score, Snippet: h.Snippet.Text, Highlight: [][2]int{}}
		for _, hl := range h.Snippet.Highlights {
			sh.Highlight = append(sh.Highlight, [2]int{kilde1.CodePoints(h.Snippet.Text, hl.Start), kilde1.CodePoints(h.Snippet.Text, hl.End)})
		}
		out.Hits = append(out.Hits, sh)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	d, err := s.store.Get(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, kilde1.FromDoc(d.Doc))
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	if len(name) > maxParamLen {
		writeError(w, http.StatusBadRequest, "name too long")
		return
	}
	e, err := s.store.Entity(r.Context(), name, 50)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) apiTrack(w http.ResponseWriter, r *http.Request) {
	q, err := trackQuery(r.URL.Query())
	if err != nil {
		writeError(w, http.StatusBadRequest, err.Error())
		return
	}
	if q.Measured == "" && q.Text == "" {
		writeError(w, http.StatusBadRequest, "give measured= or q=")
		return
	}
	pts, err := s.store.Track(r.Context(), q)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	if pts == nil {
		pts = []kilde.TrackPoint{}
	}
	writeJSON(w, http.StatusOK, map[string]any{"measured": q.Measured, "q": q.Text, "points": pts})
}

// postResponse is the body of POST /api/articles.
type postResponse struct {
	Added  int      `json:"added"`
	IDs    []string `json:"ids"`
	Errors []string `json:"errors"`
}

// apiPost reads a JSONL or kilde line-format body, annotates and stores
// every good record, and reports bad ones by line. The response is sent
// only after the batch is committed: what is acknowledged is stored.
func (s *Server) apiPost(w http.ResponseWriter, r *http.Request) {
	if s.opt.Annotator == nil {
		writeError(w, http.StatusNotImplemented, "this server does not annotate")
		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "body too large or unreadable: "+err.Error())
		return
	}
	name := "request"
	if strings.Contains(r.Header.Get("Content-Type"), "json") {
		name = "request.jsonl"
	}
	out := postResponse{IDs: []string{}, Errors: []string{}}
	var docs []*kilde.Doc
	for a, err := range read.From(r.Context(), name, bytes.NewReader(body), read.Options{}) {
		if err != nil {
			out.Errors = append(out.Errors, err.Error())
			continue
		}
		d := kilde.NewDoc(a)
		if err := s.opt.Annotator.Annotate(d); err != nil {
			out.Errors = append(out.Errors, d.Source.File+": "+err.Error())
			continue
		}
		docs = append(docs, d)
		id := d.ID
		if id == "" {
			id = d.ContentID
		}
		out.IDs = append(out.IDs, id)
	}
	if len(docs) == 0 {
		writeJSON(w, http.StatusBadRequest, out)
		return
	}
	// The write must finish even if the client goes away mid-request.
	n, err := s.store.Put(context.WithoutCancel(r.Context()), docs)
	if err != nil {
		s.storeError(w, r, err)
		return
	}
	out.Added = n
	writeJSON(w, http.StatusOK, out)
}
